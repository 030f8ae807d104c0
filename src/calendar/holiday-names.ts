/** English names of the statutory holidays, for the bilingual day info. */
const ENGLISH: Record<string, string> = {
  元旦: "New Year's Day",
  春节: 'Spring Festival',
  清明节: 'Qingming Festival',
  劳动节: 'Labour Day',
  端午节: 'Dragon Boat Festival',
  中秋节: 'Mid-Autumn Festival',
  国庆节: 'National Day',
};

export function englishHolidayName(zh: string): string {
  return zh
    .split('、')
    // Own names only: a holiday called `constructor` is not Object's constructor.
    .map((part) => (Object.hasOwn(ENGLISH, part) ? ENGLISH[part]! : part))
    .join(' and ');
}
