/**
 * An organisation's name in a sentence. Brands are written as they are ("Microsoft"); a generic
 * profile's name is a common noun in CallGuard's voice ("your bank"), so it needs a capital at the
 * start of a sentence and becomes "my bank" in words the person says or files themselves.
 */

/** @example nameAtSentenceStart('your bank') // "Your bank" */
export function nameAtSentenceStart(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/** @example nameInPersonsVoice('your bank') // "my bank"; nameInPersonsVoice('Microsoft') // "Microsoft" */
export function nameInPersonsVoice(name: string): string {
  return name.replace(/^your /, 'my ');
}
