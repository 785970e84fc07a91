// Plain HTML pages of the fake checkout: no scripts except the auto-submit Razorpay's redirect mode also uses.

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(title)}</title></head><body style="font-family:sans-serif;max-width:28rem;margin:3rem auto;padding:0 1rem">${body}</body></html>`;
}

function formatAmount(amountMinor: number, currency: string): string {
  return `${currency} ${Math.floor(amountMinor / 100)}.${String(amountMinor % 100).padStart(2, '0')}`;
}

/** Two buttons posting `outcome=pay` or `outcome=fail` back to the same address (query string kept). */
export function checkoutPage(input: {
  title: string;
  amountMinor: number;
  currency: string;
  action: string;
  cancelUrl?: string | undefined;
}): string {
  const button = (outcome: string, label: string) =>
    `<form method="post" action="${escapeHtml(input.action)}" style="display:inline"><input type="hidden" name="outcome" value="${outcome}"><button type="submit" style="font-size:1.1rem;padding:.5rem 1.5rem;margin-right:.5rem">${label}</button></form>`;
  return page(
    'Razorpay (local fake) checkout',
    `<h1>Test checkout</h1><p>${escapeHtml(input.title)}</p><p><strong>${escapeHtml(formatAmount(input.amountMinor, input.currency))}</strong></p>${button('pay', 'Pay')}${button('fail', 'Fail')}${input.cancelUrl ? `<p><a href="${escapeHtml(input.cancelUrl)}">Cancel and go back</a></p>` : ''}<p><small>Local fake Razorpay: no money moves.</small></p>`,
  );
}

/** Sends the result to the merchant like Checkout's redirect mode: a form posted to the callback URL. */
export function postToCallbackPage(callbackUrl: string, fields: Record<string, string>): string {
  const inputs = Object.entries(fields)
    .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
    .join('');
  return page(
    'Redirecting',
    `<form id="callback" method="post" action="${escapeHtml(callbackUrl)}">${inputs}<button type="submit">Continue</button></form><script>document.getElementById('callback').submit()</script>`,
  );
}

/** Without a callback URL: the outcome on the page, each field in an element with its name as id. */
export function resultPage(title: string, fields: Record<string, string>): string {
  const rows = Object.entries(fields)
    .map(([name, value]) => `<dt>${escapeHtml(name)}</dt><dd id="${escapeHtml(name)}">${escapeHtml(value)}</dd>`)
    .join('');
  return page(title, `<h1>${escapeHtml(title)}</h1><dl>${rows}</dl>`);
}

export function messagePage(title: string): string {
  return page(title, `<h1>${escapeHtml(title)}</h1>`);
}
