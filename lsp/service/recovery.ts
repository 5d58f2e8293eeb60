/**
 * Validation of a document the parser recovered from syntax errors (`doc.recovery`), so that one
 * typo does not hide every other finding while the user types. checkDocument calls it, so the
 * editor and the CLI report the same.
 *
 * The rule: a finding about the recovered value is reported only when it holds whatever the
 * broken text turns out to be. That is, when all three hold:
 * 1. The range it highlights does not touch an error (no type error at the broken spot, no
 *    "unknown property" for a half-written key).
 * 2. Its pointer is not at or under a value the error made unknown: a scalar touching an error
 *    (a cut-off string, `12a`), a value the parser had to invent or that has no text yet (a key
 *    with nothing after it), a property whose key touches an error.
 * 3. It is found again in the "open" value: the recovered value with each of those values made
 *    a placeholder (a property with a broken key left out), and every object that touches an
 *    error given, as placeholders, each member its schema knows and it lacks (every such array
 *    one more item). A placeholder is how ecsdef already says "known only later": no rule judges
 *    it. So a finding that rests on something being absent from a broken object (a `required`
 *    member, "a REPLICA service needs desiredCount", a minimum number of items, a default)
 *    disappears from the open value and is dropped, while a finding about what is written
 *    (launchType next to capacityProviderStrategy) stays.
 * An error lies in every container around it, up to the root: absence is unknown in each of
 * them, because a parser that lost a brace or an indent may have put later members one level
 * off. Findings only the open value has (about its placeholders) are never reported.
 */
import { schemaAtPointer, schemaFor, validate, type DefinitionKind, type Problem, type ValidateOptions } from '../../schemas';
import { joinPointer, setOwn } from '../../schemas/pointer';
import { rangeOf, type AstNode, type ParsedDocument, type TextRange } from '../../schemas/parse';

/** Stands for text not readable yet; a Go-template placeholder, which no rule judges. */
const UNREADABLE = '{{ unreadable }}';

/** The findings of `validate` a broken document supports; none without a `recovery`. */
export function validateRecovered(parsed: ParsedDocument, kind: DefinitionKind, options: ValidateOptions): Problem[] {
  const { root, recovery } = parsed;
  if (!root || !recovery) return [];
  const touchesError = errorToucher(recovery.errors);
  const { value, unknown } = openValue(root, kind, touchesError);
  const holdsOpen = new Set(validate(value, kind, options).map(identity));
  return validate(parsed.value, kind, options).filter(
    (p) => !touchesError(rangeOf(parsed, p.pointer, p.target)) && !isAtOrUnderAny(p.pointer, unknown) && holdsOpen.has(identity(p)),
  );
}

/**
 * Whether a range touches (overlaps or abuts) one of `errors` (sorted by offset), in log time:
 * a badly broken file has thousands of errors and every node is asked.
 */
function errorToucher(errors: readonly TextRange[]): (range: TextRange) => boolean {
  // furthestEnd[i]: the furthest end of errors[0..i], since errors may nest or overlap.
  const furthestEnd: number[] = [];
  for (const [i, e] of errors.entries()) furthestEnd.push(Math.max(e.offset + e.length, i > 0 ? furthestEnd[i - 1] : -1));
  return (range) => {
    // The last error starting at or before the range's end.
    let low = 0;
    let high = errors.length - 1;
    let last = -1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      if (errors[mid].offset <= range.offset + range.length) {
        last = mid;
        low = mid + 1;
      } else high = mid - 1;
    }
    return last >= 0 && furthestEnd[last] >= range.offset;
  };
}

function isAtOrUnderAny(pointer: string, pointers: ReadonlySet<string>): boolean {
  if (pointers.size === 0) return false;
  for (let end = pointer.length; end >= 0; end = pointer.lastIndexOf('/', end - 1)) {
    if (pointers.has(pointer.slice(0, end))) return true;
    if (end === 0) break;
  }
  return false;
}

/** Two runs report "the same finding" when rule, place and words agree. */
function identity(p: Problem): string {
  return [p.ruleId, p.pointer, p.target, p.message].join('\u0000');
}

interface OpenValue {
  value: unknown;
  /** Pointers of the values made placeholders or left out (rule 2). */
  unknown: Set<string>;
}

/** The recovered value with everything the errors may change left open (rule 3). */
function openValue(root: AstNode, kind: DefinitionKind, touchesError: (range: TextRange) => boolean): OpenValue {
  const unknown = new Set<string>();
  const schema = schemaFor(kind);
  const memberNames = (pointer: string): string[] => {
    const properties = schemaAtPointer(schema, pointer)?.properties;
    return properties && typeof properties === 'object' ? Object.keys(properties) : [];
  };
  const unreadable = (pointer: string): string => {
    unknown.add(pointer);
    return UNREADABLE;
  };

  // Recursion is bounded: the parser refuses documents nested deeper than its limit.
  const build = (node: AstNode | undefined, pointer: string): unknown => {
    if (!node || node.length === 0) return unreadable(pointer);
    if (node.type === 'array') {
      const items = node.items.map((item, index) => build(item, pointer + joinPointer(index)));
      if (touchesError(node)) items.push(UNREADABLE);
      return items;
    }
    if (node.type !== 'object') return touchesError(node) ? unreadable(pointer) : node.value;
    const members: Record<string, unknown> = {};
    for (const property of node.properties) {
      const at = pointer + joinPointer(property.key.value);
      if (touchesError(property.key)) unknown.add(at);
      // As valueOf reads them: the last of repeated keys wins.
      else setOwn(members, property.key.value, build(property.value, at));
    }
    if (touchesError(node)) {
      for (const name of memberNames(pointer)) {
        if (!Object.prototype.hasOwnProperty.call(members, name)) setOwn(members, name, UNREADABLE);
      }
    }
    return members;
  };
  return { value: build(root, ''), unknown };
}
