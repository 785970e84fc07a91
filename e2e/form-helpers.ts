import type { Answers, Question, Questionnaire } from '@carelane/core';
import { visibleQuestions } from '@carelane/core';
import { type Browser, expect, type Page } from '@playwright/test';
import { URLS } from './helpers';

/** Answers to every required question shown, picking ones that open no follow-up where it can. */
export function requiredAnswers(questionnaire: Questionnaire): Array<[Question, string]> {
  const answers: Answers = {};
  const picked: Array<[Question, string]> = [];
  for (let pass = 0; pass < 5; pass++) {
    for (const q of visibleQuestions(questionnaire, answers)) {
      if (!q.required || answers[q.id] !== undefined) continue;
      const label =
        q.type === 'yes_no'
          ? 'No'
          : q.type === 'radio' || q.type === 'checkbox'
            ? (q.options?.at(-1)?.label ?? '')
            : q.type === 'date'
              ? '2020-01-01'
              : 'None';
      const value = q.type === 'yes_no' ? 'no' : (q.options?.find((o) => o.label === label)?.value ?? label);
      answers[q.id] = q.type === 'checkbox' ? [value] : value;
      picked.push([q, label]);
    }
  }
  return picked;
}

/** Fills in the answers on the public form page, each beside its question. */
export async function answerQuestions(page: Page, answers: Array<[Question, string]>) {
  for (const [q, answer] of answers) {
    const field = page.locator(`[data-question="${q.id}"]`);
    if (q.type === 'radio' || q.type === 'yes_no') await field.getByRole('radio', { name: answer }).check();
    else if (q.type === 'checkbox') await field.getByRole('checkbox', { name: answer }).check();
    else await field.getByRole('textbox').or(field.locator('input')).first().fill(answer);
    await expect(field).not.toContainText('is required');
  }
}

export async function chooseBirthDate(page: Page, date: { day: string; month: string; year: string }) {
  await page.getByLabel('Day').selectOption(date.day);
  await page.getByLabel('Month').selectOption({ label: date.month });
  await page.getByLabel('Year').selectOption(date.year);
  await page.getByRole('button', { name: 'Continue' }).click();
}

/** Draws a stroke across the signature pad with real pointer moves. */
export async function drawSignature(page: Page) {
  const pad = page.getByTestId('signature-pad');
  await pad.scrollIntoViewIfNeeded();
  const box = await pad.boundingBox();
  if (!box) throw new Error('signature pad not on screen');
  await page.mouse.move(box.x + 30, box.y + box.height * 0.6);
  await page.mouse.down();
  await page.mouse.move(box.x + 120, box.y + box.height * 0.3, { steps: 8 });
  await page.mouse.move(box.x + 220, box.y + box.height * 0.7, { steps: 8 });
  await page.mouse.up();
}

/** A phone-sized browser of the patient's own, with none of the staff member's cookies. */
export function phoneContext(browser: Browser) {
  return browser.newContext({
    baseURL: URLS.dashboard,
    viewport: { width: 360, height: 740 },
    isMobile: true,
    hasTouch: true,
  });
}
