// Runs the fake Razorpay server on its own for development:
//   tsx fake-razorpay-main.ts --port 4010 --key-id rzp_test_local --key-secret ... --webhook-secret ... [--webhook-url URL]
import { parseArgs } from 'node:util';
import { startFakeRazorpay } from './fake-razorpay';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '4010' },
    host: { type: 'string', default: '127.0.0.1' },
    'key-id': { type: 'string' },
    'key-secret': { type: 'string' },
    'webhook-secret': { type: 'string' },
    'webhook-url': { type: 'string' },
  },
});

const keyId = values['key-id'];
const keySecret = values['key-secret'];
const webhookSecret = values['webhook-secret'];
if (!keyId || !keySecret || !webhookSecret) {
  console.error(
    'Usage: fake-razorpay-main --key-id ID --key-secret SECRET --webhook-secret SECRET [--port N] [--webhook-url URL]',
  );
  process.exit(2);
}

const fake = await startFakeRazorpay({
  keyId,
  keySecret,
  webhookSecret,
  webhookUrl: values['webhook-url'],
  port: Number(values.port),
  host: values.host,
});
// Only the address: secrets and payment details stay out of the log.
console.log(`Fake Razorpay listening on ${fake.url}`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    fake.close().then(() => process.exit(0));
  });
}
