import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { RazorpayGateway } from '../src/payments/razorpay';

const main = fileURLToPath(new URL('../src/payments/fake-razorpay-main.ts', import.meta.url));
const keys = {
  keyId: 'rzp_test_standalone',
  keySecret: 'standalone-key-secret',
  webhookSecret: 'standalone-webhook-secret',
};
let child: ChildProcess | undefined;

afterAll(async () => {
  if (child && child.exitCode === null) {
    child.kill('SIGTERM');
    await once(child, 'exit');
  }
});

describe('fake Razorpay as a standalone process', () => {
  it('starts from argv, prints only its address, and serves the SDK', async () => {
    const args = [
      '--port',
      '0',
      '--key-id',
      keys.keyId,
      '--key-secret',
      keys.keySecret,
      '--webhook-secret',
      keys.webhookSecret,
    ];
    const started = spawn(process.execPath, ['--import', 'tsx', main, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    child = started;
    const [line] = (await once(started.stdout, 'data')) as [Buffer];
    const output = line.toString();
    expect(output).not.toContain(keys.keySecret);
    const url = /listening on (http:\/\/\S+)/.exec(output)?.[1] ?? '';

    const gateway = new RazorpayGateway({ ...keys, baseUrl: url });
    const order = await gateway.createOrder({ amountMinor: 10_000, currency: 'INR', receipt: 'standalone' });
    expect(order.status).toBe('created');

    started.kill('SIGTERM');
    const [code] = await once(started, 'exit');
    expect(code).toBe(0);
  });

  it('refuses to start without its secrets', async () => {
    const refused = spawn(process.execPath, ['--import', 'tsx', main, '--port', '0'], { stdio: 'ignore' });
    const [code] = await once(refused, 'exit');
    expect(code).toBe(2);
  });
});
