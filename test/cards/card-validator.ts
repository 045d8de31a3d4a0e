// Parses a card with the adaptivecards library (the UMD build, as Teams' renderer family does) at
// schema 1.5 and returns every warning or error the parser logged; tests expect none.
import { createRequire } from 'node:module';

interface ParseEvent {
  phase: number;
  event: number;
  message: string;
}

interface AdaptiveCardsModule {
  AdaptiveCard: new () => {
    parse(source: unknown, context: unknown): void;
    validateProperties(): { validationEvents: ParseEvent[] };
  };
  SerializationContext: new (version: unknown) => {
    eventCount: number;
    getEventAt(i: number): ParseEvent;
  };
  Versions: { v1_5: unknown };
}

const AC = createRequire(import.meta.url)(
  'adaptivecards/dist/adaptivecards.js',
) as AdaptiveCardsModule;

export function cardProblems(card: unknown): string[] {
  const parsed = new AC.AdaptiveCard();
  const context = new AC.SerializationContext(AC.Versions.v1_5);
  parsed.parse(card, context);
  const problems: string[] = [];
  for (let i = 0; i < context.eventCount; i++) problems.push(context.getEventAt(i).message);
  for (const event of parsed.validateProperties().validationEvents) problems.push(event.message);
  return problems;
}
