//! The expander's own failures. Each is thrown where it is found and turned into an
//! `{ error }` result at the API boundary (`catchExpansionErrors`); anything else is a bug.
import { QuietError } from '../quietError';

/** A failure the user can be told about: its message says what and where. */
export class ExpandError extends QuietError {}

/** A fragment nested deeper than the parsers recurse (see Cursor.nest). */
export class TooDeep extends ExpandError {
  constructor() {
    super('fragment nested too deeply to parse');
  }
}

/** An expansion that outgrew its size limits. */
export class TooLarge extends ExpandError {}
