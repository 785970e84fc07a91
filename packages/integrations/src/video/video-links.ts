import { randomBytes } from 'node:crypto';

/** Where online appointments meet. Another provider (Zoom, Meet) implements the same interface. */
export interface VideoLinkProvider {
  readonly name: string;
  createMeeting(input: { appointmentId: string; startsAt: Date }): Promise<string>;
}

/**
 * Jitsi Meet rooms exist as soon as someone opens the URL, so creating one is choosing an
 * unguessable name: 20 random bytes, nothing about the patient or clinic in it.
 */
export class JitsiVideoLinks implements VideoLinkProvider {
  readonly name = 'jitsi';
  constructor(private readonly baseUrl = 'https://meet.jit.si') {}

  async createMeeting(): Promise<string> {
    return `${this.baseUrl.replace(/\/$/, '')}/carelane-${randomBytes(20).toString('base64url')}`;
  }
}
