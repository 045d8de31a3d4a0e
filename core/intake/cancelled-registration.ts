// A registration named as what is cancelled ("Återkallelse av intresseanmälan", "Vi ber er stryka vår
// intresseanmälan", "makulera vår förhandsanmälan") is the thing withdrawn, not a registration made:
// people withdrawing name the registration they take back. Read as a registration, it made a plain
// withdrawal look like two matters at once (registration and withdrawal) and held it at 60 %. Only
// a cancelling word directly before the registration (a possessive or "av" between, nothing else):
// "stryka under i intresseanmälan", "återkallelse av fullmakten" and "understryka" stay as they were.

/** A cancelling word, folded (fold in text.ts), right before the registration word that follows it. */
const CANCELLING_BEFORE =
  /\b(stryka|stryk|stryker|strykning(en)? av|aterkallelse(n)? av|aterkallande(t)? av|makulera|makulerar|makulering(en)? av|annullera|annullerar|annullering(en)? av|ta bort|tar bort|radera|raderar)( (var|vart|min|mitt|enhetens|er|ert|den|denna|var nya))?$/;

/**
 * Whether the folded words before a registration word (`before`, ending where that word begins)
 * cancel it.
 */
export function cancelsRegistration(before: string): boolean {
  return CANCELLING_BEFORE.test(before.trimEnd());
}
