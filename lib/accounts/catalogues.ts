/** Fixed catalogues (R-AI-07, R-AI-10, R-AI-11, R-PR-01, R-PR-02). */

/** R-AI-11: industry → its secondary industries (empty: the industry has none). */
export const INDUSTRIES: Record<string, readonly string[]> = {
  'information-technology': ['software', 'internet-services', 'it-services', 'hardware', 'telecommunications'],
  finance: ['banking', 'insurance', 'securities', 'fintech'],
  manufacturing: ['automotive', 'electronics', 'machinery', 'chemicals', 'textiles'],
  retail: ['e-commerce', 'wholesale', 'consumer-goods'],
  education: ['k12', 'higher-education', 'training'],
  healthcare: ['hospitals', 'pharmaceuticals', 'medical-devices'],
  media: ['games', 'video', 'publishing', 'advertising'],
  government: [],
  energy: ['oil-and-gas', 'utilities', 'renewables'],
  transportation: ['logistics', 'aviation', 'shipping'],
  'real-estate': [],
  agriculture: [],
  'non-profit': [],
  other: [],
};

/** R-AI-07: qualification names a tax declaration may carry. */
export const QUALIFICATIONS = ['general-taxpayer', 'small-scale-taxpayer', 'vat-registered', 'not-vat-registered', 'tax-exempt'] as const;

/** R-PR-02 / R-AI-10: currencies accepted for transactions (ISO 4217). */
export const CURRENCIES = [
  'USD',
  'EUR',
  'GBP',
  'CNY',
  'HKD',
  'SGD',
  'JPY',
  'BRL',
  'MXN',
  'ZAR',
  'THB',
  'IDR',
  'TRY',
  'SAR',
  'AED',
] as const;

/** R-PR-01: an IANA time zone the runtime knows. */
export function isTimeZone(zone: string): boolean {
  if (!/^[A-Za-z_]+(?:\/[A-Za-z0-9_+-]+)*$/.test(zone) && zone !== 'UTC') return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** R-AI-11: what is wrong with an industry choice (empty when fine). */
export function industryProblems(industry: string, secondary: string | undefined): Array<{ field: string; message: string }> {
  const secondaries = INDUSTRIES[industry];
  if (!secondaries) return [{ field: 'industry', message: `Choose one of: ${Object.keys(INDUSTRIES).join(', ')}.` }];
  if (secondaries.length && !secondary) return [{ field: 'secondaryIndustry', message: `Choose one of: ${secondaries.join(', ')}.` }];
  if (!secondaries.length && secondary) return [{ field: 'secondaryIndustry', message: 'This industry has no secondary industry.' }];
  if (secondary && !secondaries.includes(secondary))
    return [{ field: 'secondaryIndustry', message: `Choose one of: ${secondaries.join(', ')}.` }];
  return [];
}
