import type { Question, Questionnaire } from './types';

export const CLINIC_KINDS = ['general', 'dental', 'psychotherapy'] as const;
export type ClinicKind = (typeof CLINIC_KINDS)[number];

const allergies: Question[] = [
  { id: 'allergies', type: 'yes_no', label: 'Do you have any allergies?', required: true },
  {
    id: 'allergies-details',
    type: 'textarea',
    label: 'What are you allergic to, and what happens?',
    help: 'Medicines, foods, latex, anaesthetics or anything else.',
    required: true,
    showWhen: { questionId: 'allergies', equals: 'yes' },
  },
];

const medication: Question = {
  id: 'current-medication',
  type: 'textarea',
  label: 'Which medicines do you take now?',
  help: 'Include the dose, and vitamins or herbal remedies. Leave blank if none.',
  required: false,
};

const sex: Question = {
  id: 'sex',
  type: 'radio',
  label: 'Sex assigned at birth',
  help: 'Some treatments and tests depend on it.',
  required: true,
  options: [
    { value: 'female', label: 'Female' },
    { value: 'male', label: 'Male' },
    { value: 'intersex', label: 'Intersex' },
    { value: 'not-say', label: 'Prefer not to say' },
  ],
};

const pregnant = (help: string): Question => ({
  id: 'pregnant',
  type: 'radio',
  label: 'Are you pregnant or could you be?',
  help,
  required: true,
  options: [
    { value: 'yes', label: 'Yes' },
    { value: 'no', label: 'No' },
    { value: 'not-sure', label: 'Not sure' },
  ],
  showWhen: { questionId: 'sex', equals: 'female' },
});

const conditions: Question = {
  id: 'conditions',
  type: 'checkbox',
  label: 'Do you have, or have you had, any of these?',
  help: 'Tick all that apply.',
  required: false,
  options: [
    { value: 'diabetes', label: 'Diabetes' },
    { value: 'high-blood-pressure', label: 'High blood pressure' },
    { value: 'heart-disease', label: 'Heart disease' },
    { value: 'asthma', label: 'Asthma or lung disease' },
    { value: 'epilepsy', label: 'Epilepsy or seizures' },
    { value: 'bleeding-disorder', label: 'A bleeding disorder' },
    { value: 'kidney-disease', label: 'Kidney disease' },
    { value: 'thyroid', label: 'Thyroid disease' },
    { value: 'other', label: 'Something else' },
  ],
};

const conditionsOther: Question = {
  id: 'conditions-other',
  type: 'text',
  label: 'What else?',
  required: true,
  showWhen: { questionId: 'conditions', equals: 'other' },
};

const emergencyConsent: Question = {
  id: 'emergency-contact-consent',
  type: 'yes_no',
  label: 'May we contact your emergency contact if we are worried about your safety or health?',
  required: true,
};

const general: Questionnaire = {
  questions: [
    { id: 'reason', type: 'textarea', label: 'What brings you in?', required: true },
    ...allergies,
    medication,
    conditions,
    conditionsOther,
    {
      id: 'surgeries',
      type: 'textarea',
      label: 'Operations or hospital stays in the past',
      help: 'With the year if you remember it. Leave blank if none.',
      required: false,
    },
    {
      id: 'smoking',
      type: 'radio',
      label: 'Do you smoke?',
      required: true,
      options: [
        { value: 'never', label: 'Never' },
        { value: 'former', label: 'I used to' },
        { value: 'current', label: 'Yes' },
      ],
    },
    sex,
    pregnant('Some medicines and tests are not safe in pregnancy.'),
    emergencyConsent,
  ],
};

const dental: Questionnaire = {
  questions: [
    {
      id: 'reason',
      type: 'radio',
      label: 'What is the visit for?',
      required: true,
      options: [
        { value: 'check-up', label: 'Check-up and cleaning' },
        { value: 'pain', label: 'Pain or a broken tooth' },
        { value: 'cosmetic', label: 'Appearance (whitening, braces, veneers)' },
        { value: 'other', label: 'Something else' },
      ],
    },
    { id: 'last-dental-visit', type: 'date', label: 'When did you last see a dentist?', required: false },
    {
      id: 'previous-dental-work',
      type: 'checkbox',
      label: 'Which dental work have you had?',
      help: 'Tick all that apply.',
      required: false,
      options: [
        { value: 'fillings', label: 'Fillings' },
        { value: 'root-canal', label: 'Root canal treatment' },
        { value: 'crowns-bridges', label: 'Crowns or bridges' },
        { value: 'implants', label: 'Implants' },
        { value: 'extractions', label: 'Teeth taken out' },
        { value: 'braces', label: 'Braces or aligners' },
      ],
    },
    ...allergies,
    medication,
    {
      id: 'blood-thinners',
      type: 'yes_no',
      label: 'Do you take blood thinners (for example aspirin, warfarin or apixaban)?',
      required: true,
    },
    conditions,
    conditionsOther,
    sex,
    pregnant('We avoid X-rays and some medicines during pregnancy.'),
    {
      id: 'anaesthetic-problems',
      type: 'yes_no',
      label: 'Have you ever had a problem with a local anaesthetic?',
      required: true,
    },
    {
      id: 'dental-anxiety',
      type: 'radio',
      label: 'How do you feel about dental visits?',
      required: false,
      options: [
        { value: 'calm', label: 'Calm' },
        { value: 'a-bit-nervous', label: 'A bit nervous' },
        { value: 'very-anxious', label: 'Very anxious' },
      ],
    },
  ],
};

const psychotherapy: Questionnaire = {
  questions: [
    {
      id: 'current-concerns',
      type: 'textarea',
      label: 'What would you like help with?',
      help: 'In your own words; as much or as little as you like.',
      required: true,
    },
    {
      id: 'concern-duration',
      type: 'radio',
      label: 'How long has this been going on?',
      required: false,
      options: [
        { value: 'weeks', label: 'A few weeks' },
        { value: 'months', label: 'A few months' },
        { value: 'year-plus', label: 'A year or more' },
      ],
    },
    { id: 'prior-therapy', type: 'yes_no', label: 'Have you seen a therapist or counsellor before?', required: true },
    {
      id: 'prior-therapy-details',
      type: 'textarea',
      label: 'What helped, and what did not?',
      required: false,
      showWhen: { questionId: 'prior-therapy', equals: 'yes' },
    },
    {
      id: 'psychiatric-medication',
      type: 'textarea',
      label: 'Medicines you take for your mood, sleep or anxiety',
      help: 'Leave blank if none.',
      required: false,
    },
    {
      id: 'sleep',
      type: 'radio',
      label: 'How have you been sleeping lately?',
      required: false,
      options: [
        { value: 'well', label: 'Well' },
        { value: 'some-trouble', label: 'Some trouble' },
        { value: 'badly', label: 'Badly' },
      ],
    },
    {
      id: 'substance-use',
      type: 'radio',
      label: 'How often do you drink alcohol or use other substances?',
      required: false,
      options: [
        { value: 'never', label: 'Never' },
        { value: 'sometimes', label: 'Sometimes' },
        { value: 'often', label: 'Often' },
        { value: 'not-say', label: 'Prefer not to say' },
      ],
    },
    {
      id: 'self-harm-thoughts',
      type: 'radio',
      label: 'In the past month, have you had thoughts of harming yourself or that life is not worth living?',
      help: 'Many people do at difficult times. Your answer helps your therapist support you and is kept confidential.',
      required: true,
      options: [
        { value: 'no', label: 'No' },
        { value: 'sometimes', label: 'Sometimes' },
        { value: 'often', label: 'Often' },
        { value: 'not-say', label: 'I would rather talk about it in person' },
      ],
    },
    {
      id: 'feel-safe-now',
      type: 'yes_no',
      label: 'Do you feel safe right now?',
      help: 'If you are in danger now, call your local emergency number.',
      required: true,
    },
    emergencyConsent,
  ],
};

/** A sensible starting questionnaire per kind of clinic, for the seed and new organizations. */
export const DEFAULT_QUESTIONNAIRES: Record<ClinicKind, Questionnaire> = { general, dental, psychotherapy };
