/** Message texts. Secrets arrive unsealed only here, at delivery time. */
export type TemplateName = 'otp_sign_in' | 'waitlist_offer' | 'form_link' | 'payment_link';

export function renderTemplate(template: string, data: Record<string, unknown>): { subject?: string; body: string } {
  switch (template) {
    case 'otp_sign_in': {
      const org = typeof data.organizationName === 'string' ? data.organizationName : 'Carelane';
      return {
        subject: `Your ${org} sign-in code`,
        body: `${String(data.code)} is your ${org} sign-in code. It expires in 10 minutes. Do not share it with anyone.`,
      };
    }
    case 'waitlist_offer': {
      const org = typeof data.organizationName === 'string' ? data.organizationName : 'Your clinic';
      return {
        subject: `${org}: an earlier time is free`,
        body:
          `${org}: a time you were waiting for is free — ${String(data.when)} with ${String(data.clinicianName)}. ` +
          `The first to book it gets it: ${String(data.link)}`,
      };
    }
    case 'form_link': {
      const org = typeof data.organizationName === 'string' ? data.organizationName : 'Your clinic';
      return {
        subject: `${org}: your medical-history form`,
        body:
          `${org}: please fill in your medical-history form before your visit: ${String(data.link)} ` +
          `It asks for your date of birth first and works until ${String(data.until)}.`,
      };
    }
    case 'payment_link': {
      const org = typeof data.organizationName === 'string' ? data.organizationName : 'Your clinic';
      return {
        subject: `${org}: ${String(data.amount)} to pay`,
        body: `${org}: ${String(data.amount)} is due for ${String(data.what)}. Pay securely here: ${String(data.link)}`,
      };
    }
    default:
      throw new Error(`Unknown template ${template}`);
  }
}
