/**
 * "Has my mailbox been compromised?": a thin view over src/lib/symptom-checker
 * that works on the article's own lists (SymptomCheckerBlock.astro wraps them).
 *
 * On the server, and in its first render in the browser (so hydration
 * matches), it renders an empty element: without JavaScript the lists are the
 * plain article. Once mounted it puts a checkbox on each item of the lists,
 * labelled by the item's own title and described by its own text, and shows
 * the verdict after them. The answers live only in this component: read from
 * a shared link as the page opens, written into a link only when the reader
 * asks for one (so they stay out of the browser's history), sent nowhere.
 *
 * A class component, not hooks: preact/hooks would be one more chunk.
 */
import { Component } from 'preact';
import { RISK_FACTORS, SYMPTOMS, type RiskFactorId, type SymptomId } from '../../lib/compromise/items';
import { hasAnswers, toggle, type CheckerState } from '../../lib/symptom-checker/state';
import { decodeCheckerQuery, stripCheckerQuery } from '../../lib/symptom-checker/url-state';
import { NO_VERDICT, type Verdict } from '../../lib/symptom-checker/prompt';
import { loadStylesheet } from '../../lib/kit/stylesheet';
import { Portal, mountPoint } from '../kit/Portal';
import { markHydrated } from '../kit/hydrated';
import { CheckerVerdict } from './CheckerVerdict';
import stylesheet from './symptom-checker.css?url';

/** The block's id: a published anchor, and where the share link lands. */
const CHECKER_ID = 'symptom-checker';

type ItemId = SymptomId | RiskFactorId;

/** Where one item's checkbox goes: the start of the item's heading row. */
interface ItemMount {
  id: ItemId;
  into: Element;
}

/**
 * The rules and their wording are most of the checker's bytes, and nobody
 * needs them before the first answer: they load then (or at once for a
 * shared link with answers), and stay for every later answer.
 */
let getVerdict: ((answers: CheckerState) => Verdict) | undefined;

interface State {
  /** null until mounted and styled: the server and hydration render nothing. */
  answers: CheckerState | null;
  /** The rules could not be loaded (say, the connection dropped). */
  rulesMissing?: boolean;
}

export default class SymptomChecker extends Component<object, State> {
  override state: State = { answers: null };
  items: ItemMount[] = [];
  end: Element | null = null;

  override componentDidMount() {
    const block = document.getElementById(CHECKER_ID);
    if (block === null) return;
    this.items = [...SYMPTOMS, ...RISK_FACTORS].flatMap(({ id }) => {
      const row = block.querySelector(`[id="${id}"] > .heading-row`);
      // The item's text describes its checkbox. Its id is given here, not in the built page, where an id would
      // make the text a search section of its own, apart from its item (src/lib/search/section-records.ts).
      const text = block.querySelector(`[id="${id}"] > .item__text`);
      if (text) text.id = `${id}-text`;
      return row ? [{ id, into: mountPoint(row, row.firstChild, 'item__check') }] : [];
    });
    this.end = mountPoint(block, null, 'symptom-checker__end');
    void loadStylesheet(stylesheet).then(() => this.show(decodeCheckerQuery(location.search)));
  }

  override componentDidUpdate() {
    if (this.state.answers !== null) markHydrated(this);
  }

  show(answers: CheckerState) {
    this.setState({ answers });
    if (getVerdict === undefined && hasAnswers(answers)) {
      import('../../lib/symptom-checker/verdict').then(
        (rules) => {
          getVerdict = rules.getVerdict;
          this.setState({ rulesMissing: false });
        },
        () => this.setState({ rulesMissing: true }),
      );
    }
  }

  update = (next: CheckerState) => {
    this.show(next);
    // Answers from a shared link no longer match once changed: drop them from the address.
    const search = stripCheckerQuery(location.search);
    if (search !== location.search) history.replaceState(history.state, '', location.pathname + search + location.hash);
  };

  override render() {
    const { answers, rulesMissing = false } = this.state;
    // An empty element rather than nothing: client:visible watches the island's children.
    if (answers === null) return <div class="symptom-checker__mount" />;
    const checked = [...answers.symptoms, ...answers.risks] as readonly string[];
    return (
      <>
        <p class="symptom-checker__intro">
          Tick what applies below; <a href="#symptom-checker-verdict">what to do</a> shows after the lists. Answers are
          sent nowhere.
        </p>
        {this.items.map(({ id, into }) => (
          <Portal key={id} into={into}>
            <input
              type="checkbox"
              id={`checker-${id}`}
              aria-labelledby={`${id}-title`}
              aria-describedby={`${id}-text`}
              checked={checked.includes(id)}
              onChange={(event) => this.update(toggle(answers, id, event.currentTarget.checked))}
            />
          </Portal>
        ))}
        {this.end && (
          <Portal into={this.end}>
            <CheckerVerdict
              answers={answers}
              verdict={getVerdict?.(answers) ?? NO_VERDICT}
              rulesMissing={rulesMissing}
              onChange={this.update}
            />
          </Portal>
        )}
      </>
    );
  }
}
