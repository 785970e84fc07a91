import { expect } from 'vitest';
import { ChannelError } from '../src/messaging/channel-error';

/** The ChannelError a send was refused with (fails the test if it succeeded or threw anything else). */
export async function channelFailure(promise: Promise<unknown>): Promise<ChannelError> {
  const error = await promise.then(
    () => null,
    (err: unknown) => err,
  );
  expect(error).toBeInstanceOf(ChannelError);
  return error as ChannelError;
}
