import type { Metadata } from 'next';
import { QuestionnaireEditor } from './questionnaire-editor';

export const metadata: Metadata = { title: 'Medical-history form' };

export default function QuestionnairePage() {
  return <QuestionnaireEditor />;
}
