import {
  type ClinicKind,
  DEFAULT_QUESTIONNAIRES,
  DEFAULT_TEMPLATES,
  MESSAGE_KINDS,
  MESSAGE_LANGUAGES,
  NOTIFICATION_CHANNELS,
} from '@carelane/core';
import type { DbOrTx } from '../client';
import { invoiceSequences, messageTemplates, questionnaireVersions } from '../schema';
import { inChunks } from '../seed/helpers';

/** Every organization starts from the default wording, in each language and channel, and edits its copy. */
export function defaultTemplateRows(organizationId: string) {
  return MESSAGE_LANGUAGES.flatMap((language) =>
    MESSAGE_KINDS.flatMap((kind) =>
      NOTIFICATION_CHANNELS.map((channel) => {
        const template = DEFAULT_TEMPLATES[language][kind][channel];
        return { organizationId, kind, channel, language, subject: template.subject ?? null, body: template.body };
      }),
    ),
  );
}

/** Each clinic starts with the default medical-history questions for its kind, published as version 1. */
export function firstQuestionnaireRow(organizationId: string, kind: ClinicKind) {
  return { organizationId, version: 1, questions: DEFAULT_QUESTIONNAIRES[kind] };
}

/**
 * What the app expects every organization to have besides its centres and staff: the
 * questionnaire, the message templates and the invoice number sequence. The demo seed and a
 * real clinic's setup both write them here.
 */
export async function insertStartingRows(
  tx: DbOrTx,
  organizations: ReadonlyArray<{ id: string; kind: ClinicKind }>,
): Promise<void> {
  await tx.insert(questionnaireVersions).values(organizations.map((o) => firstQuestionnaireRow(o.id, o.kind)));
  await inChunks(
    organizations.flatMap((o) => defaultTemplateRows(o.id)),
    (chunk) => tx.insert(messageTemplates).values(chunk),
  );
  await tx
    .insert(invoiceSequences)
    .values(organizations.map((o) => ({ organizationId: o.id, lastNumber: 0 })))
    .onConflictDoNothing();
}
