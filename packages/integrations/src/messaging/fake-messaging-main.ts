// Runs the fake SMTP, Twilio and Gallabox servers together for development:
//   tsx fake-messaging-main.ts [--smtp-port 2525] [--twilio-port 4020] [--gallabox-port 4021]
//     [--twilio-sid AC_local --twilio-token local-token] [--gallabox-key local --gallabox-secret local
//      --gallabox-channel local] [--gallabox-webhook-url URL]
// Point SMTP_*, TWILIO_* and GALLABOX_* (with the *_BASE_URL variables) at the addresses it prints.
import { parseArgs } from 'node:util';
import { startFakeGallabox } from './fake-gallabox';
import { startFakeSmtp } from './fake-smtp';
import { startFakeTwilio } from './fake-twilio';

const { values } = parseArgs({
  options: {
    host: { type: 'string', default: '127.0.0.1' },
    'smtp-port': { type: 'string', default: '2525' },
    'twilio-port': { type: 'string', default: '4020' },
    'twilio-sid': { type: 'string', default: 'AC_local' },
    'twilio-token': { type: 'string', default: 'local-token' },
    'gallabox-port': { type: 'string', default: '4021' },
    'gallabox-key': { type: 'string', default: 'local' },
    'gallabox-secret': { type: 'string', default: 'local' },
    'gallabox-channel': { type: 'string', default: 'local' },
    'gallabox-webhook-url': { type: 'string' },
  },
});

const smtp = await startFakeSmtp({ host: values.host, port: Number(values['smtp-port']) });
const twilio = await startFakeTwilio({
  accountSid: values['twilio-sid'],
  authToken: values['twilio-token'],
  host: values.host,
  port: Number(values['twilio-port']),
});
const gallabox = await startFakeGallabox({
  apiKey: values['gallabox-key'],
  apiSecret: values['gallabox-secret'],
  channelId: values['gallabox-channel'],
  webhookUrl: values['gallabox-webhook-url'],
  host: values.host,
  port: Number(values['gallabox-port']),
});
// Only addresses: message texts and recipients stay out of the log.
console.log(`Fake SMTP on ${smtp.host}:${smtp.port}`);
console.log(`Fake Twilio on ${twilio.url}`);
console.log(`Fake Gallabox on ${gallabox.url}`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    Promise.all([smtp.close(), twilio.close(), gallabox.close()]).then(() => process.exit(0));
  });
}
