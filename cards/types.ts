// The slice of Adaptive Card 1.5 that our card factories produce, typed so a factory cannot emit a
// property Teams would not render. Extend it when a card needs more of the schema.
export type TextSize = 'small' | 'default' | 'medium' | 'large' | 'extraLarge';
export type TextWeight = 'lighter' | 'default' | 'bolder';
export type TextColor = 'default' | 'dark' | 'light' | 'accent' | 'good' | 'warning' | 'attention';
export type Spacing = 'none' | 'small' | 'default' | 'medium' | 'large' | 'extraLarge' | 'padding';

export interface TextBlock {
  type: 'TextBlock';
  text: string;
  wrap?: boolean;
  size?: TextSize;
  weight?: TextWeight;
  color?: TextColor;
  isSubtle?: boolean;
  spacing?: Spacing;
  separator?: boolean;
  style?: 'default' | 'heading';
}

export interface Fact {
  title: string;
  value: string;
}

export interface FactSet {
  type: 'FactSet';
  facts: Fact[];
  spacing?: Spacing;
  separator?: boolean;
}

export interface Column {
  type: 'Column';
  width?: 'auto' | 'stretch' | string;
  items: CardElement[];
}

export interface ColumnSet {
  type: 'ColumnSet';
  columns: Column[];
  spacing?: Spacing;
  separator?: boolean;
}

export interface Container {
  type: 'Container';
  items: CardElement[];
  /** The whole container acts as this button (a list row that opens its detail). */
  selectAction?: ExecuteAction | OpenUrlAction;
  style?: 'default' | 'emphasis' | 'good' | 'attention' | 'warning' | 'accent';
  spacing?: Spacing;
  separator?: boolean;
}

export interface ActionSet {
  type: 'ActionSet';
  actions: CardAction[];
  spacing?: Spacing;
  separator?: boolean;
}

export interface InputText {
  type: 'Input.Text';
  id: string;
  label?: string;
  placeholder?: string;
  isMultiline?: boolean;
  maxLength?: number;
  isRequired?: boolean;
  errorMessage?: string;
  value?: string;
}

export interface InputChoiceSet {
  type: 'Input.ChoiceSet';
  id: string;
  label?: string;
  choices: { title: string; value: string }[];
  isMultiSelect?: boolean;
  style?: 'compact' | 'expanded';
  isRequired?: boolean;
  errorMessage?: string;
  value?: string;
}

export type CardElement =
  TextBlock | FactSet | ColumnSet | Container | ActionSet | InputText | InputChoiceSet;

export interface OpenUrlAction {
  type: 'Action.OpenUrl';
  title: string;
  url: string;
}

export interface SubmitAction {
  type: 'Action.Submit';
  title: string;
  data: Record<string, unknown>;
}

export interface ExecuteAction<Verb extends string = string> {
  type: 'Action.Execute';
  title: string;
  verb: Verb;
  data?: Record<string, unknown>;
  /** 'none' for a button that must not carry the card's inputs (Cancel). */
  associatedInputs?: 'auto' | 'none';
  style?: 'default' | 'positive' | 'destructive';
}

export type CardAction = OpenUrlAction | SubmitAction | ExecuteAction;

export interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json';
  version: '1.5';
  /** Shown by clients that cannot render the card (mobile lagging behind, notifications). */
  fallbackText: string;
  /** Read out by screen readers. */
  speak?: string;
  // No `lang`: the adaptivecards parser validates it with a global regex whose lastIndex makes every
  // second card fail; Teams needs it only for DATE()/TIME() functions, which our cards do not use.
  body: CardElement[];
  actions?: CardAction[];
  msteams?: { width?: 'Full' };
}

export function adaptiveCard(
  parts: Omit<AdaptiveCard, 'type' | '$schema' | 'version'>,
): AdaptiveCard {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    ...parts,
  };
}
