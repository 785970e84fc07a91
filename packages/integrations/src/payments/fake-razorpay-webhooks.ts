import { newId, nowSeconds } from './fake-razorpay-entities';
import { hmacHex } from './signatures';

export type WebhookEvent =
  | 'payment.authorized'
  | 'payment.captured'
  | 'payment.failed'
  | 'order.paid'
  | 'payment_link.paid'
  | 'refund.processed';

/** How a batch of events reaches the webhook: Razorpay delivers at least once and in any order. */
export type DeliveryOptions = { duplicate?: boolean; outOfOrder?: boolean };

export type Delivery = {
  eventId: string;
  event: WebhookEvent;
  body: string;
  signature: string;
  /** The HTTP status the webhook answered, 0 when it could not be reached, null when no URL is set. */
  status: number | null;
  deliveredAt: Date;
};

export type OutgoingEvent = { event: WebhookEvent; payload: Record<string, { entity: object }> };

const TIMEOUT_MS = 5_000;

export class WebhookSender {
  readonly deliveries: Delivery[] = [];
  // One queue for every batch, so events go out in the order they happened unless asked otherwise.
  private tail: Promise<void> = Promise.resolve();

  constructor(
    private readonly accountId: string,
    private readonly webhookSecret: string,
    public webhookUrl: string | undefined,
  ) {}

  /** Signs each event once (so a duplicate is byte-identical with the same event id) and delivers them in turn. */
  send(events: OutgoingEvent[], options: DeliveryOptions = {}): Promise<void> {
    const signed = events.map((event) => this.sign(event));
    const ordered = options.outOfOrder ? [...signed].reverse() : signed;
    const batch = options.duplicate ? ordered.flatMap((one) => [one, one]) : ordered;
    const run = this.tail.then(async () => {
      for (const one of batch) await this.deliver(one);
    });
    this.tail = run;
    return run;
  }

  /** Resolves once every delivery started so far has been attempted. */
  async settled(): Promise<void> {
    let seen: Promise<void> | undefined;
    while (seen !== this.tail) {
      seen = this.tail;
      await seen;
    }
  }

  private sign({ event, payload }: OutgoingEvent) {
    const body = JSON.stringify({
      entity: 'event',
      account_id: this.accountId,
      event,
      contains: Object.keys(payload),
      payload,
      created_at: nowSeconds(),
    });
    return { eventId: newId(''), event, body, signature: hmacHex(body, this.webhookSecret) };
  }

  private async deliver(one: Omit<Delivery, 'status' | 'deliveredAt'>): Promise<void> {
    let status: number | null = null;
    if (this.webhookUrl !== undefined) {
      try {
        const response = await fetch(this.webhookUrl, {
          method: 'POST',
          headers: {
            'Content-Type': 'application/json',
            'X-Razorpay-Signature': one.signature,
            'x-razorpay-event-id': one.eventId,
            'User-Agent': 'Razorpay-Webhook/v1',
          },
          body: one.body,
          signal: AbortSignal.timeout(TIMEOUT_MS),
        });
        await response.arrayBuffer();
        status = response.status;
      } catch {
        status = 0;
      }
    }
    this.deliveries.push({ ...one, status, deliveredAt: new Date() });
  }
}
