/**
 * The assessment pipeline, stage by stage:
 *   validate → parse transcript → scan segments (normalise, rules) → derive flags from facts,
 *   combinations and mitigations → score → advice.
 */
import { CallGuardError } from '../../errors/catalogue.js';
import { VERSION } from '../../version.js';
import type { AssessInput, Assessment, CallFacts, Mitigation, RedFlag, Transcript } from '../types.js';
import { validateAssessInput } from '../schemas.js';
import { parseTranscript } from '../transcript/parse.js';
import { newScanState, scanInto, type ScanState } from './state.js';
import { derive } from './derive.js';
import { scoreFlags } from './score.js';
import { nextSteps, questionsToAsk, summarise } from './advice.js';
import { claimedOrg } from './org.js';
import { learnedSignal } from './learned.js';

export const ENGINE_VERSION = `callguard-engine/${VERSION}`;

export interface AssessOptions {
  /**
   * Add the learned scorer's evidence (src/engine/learned) to the rules'. Default true. Turn it off
   * to measure the rules alone; live sessions leave it off because it reads the whole transcript.
   */
  learned?: boolean;
}

/**
 * Assesses a call from facts and/or a transcript.
 * @example
 * const a = assess({ facts: { claimedOrg: 'Microsoft', initiatedBy: 'them' },
 *                    transcript: 'Caller: Your PC has a virus. Install AnyDesk so I can fix it.' });
 * a.verdict; // 'scam'
 */
export function assess(input: AssessInput, options: AssessOptions = {}): Assessment {
  const { facts = {}, transcript } = validateAssessInput(input);
  if (transcript === undefined && !hasAnyFact(facts)) {
    throw new CallGuardError(
      'CG_FACTS_EMPTY',
      'Give a transcript or at least one fact about the call (who called whom, what they claimed or asked for).',
    );
  }
  const parsed = transcript === undefined ? null : parseTranscript(transcript);
  const state = newScanState();
  if (parsed) parsed.segments.forEach((seg, i) => scanInto(state, seg, i));
  return buildAssessment(state, facts, parsed, options.learned ?? true);
}

/** Turns scan state + facts into the Assessment (shared by batch and live modes). */
export function buildAssessment(
  state: ScanState,
  facts: CallFacts,
  transcript: Transcript | null,
  useLearned: boolean,
): Assessment {
  const intro = [
    ...(state.signals.get('SIG_TECH_INTRO') ?? []),
    ...(state.signals.get('SIG_AGENCY_INTRO') ?? []),
  ]
    .map((e) => (e.kind === 'quote' ? e.quote : ''))
    .join('\n');
  const { org, claimed } = claimedOrg(facts, intro, state.callerTextHead);
  const { flags, mitigations } = derive(state, facts, claimed ? org : null);
  const learned = useLearned && transcript ? learnedSignal(transcript, flags) : null;
  const allFlags: RedFlag[] = learned?.flag ? [...flags, learned.flag] : flags;
  const allMitigations: Mitigation[] = learned?.mitigation
    ? [...mitigations, learned.mitigation]
    : mitigations;
  const { risk, verdict } = scoreFlags(allFlags, allMitigations);
  const assessment: Assessment = {
    verdict,
    risk,
    summary: summarise(verdict, allFlags, allMitigations, org, facts.callerIdVerification === 'passed'),
    org: org ? { id: org.id, name: org.name } : null,
    redFlags: allFlags,
    warnings: [...state.warnings],
    questionsToAsk: questionsToAsk(org),
    nextSteps: nextSteps(verdict, allFlags, org),
    officialContact: org ? { ...org.officialContact } : null,
    engineVersion: ENGINE_VERSION,
  };
  if (allMitigations.length > 0) assessment.mitigations = allMitigations;
  return assessment;
}

function hasAnyFact(facts: CallFacts): boolean {
  if (facts.checklist && Object.values(facts.checklist).some((v) => v !== undefined)) return true;
  return (
    (facts.claimedOrg !== undefined && facts.claimedOrg.trim() !== '') ||
    (facts.initiatedBy !== undefined && facts.initiatedBy !== 'unknown') ||
    facts.dialedNumberSource !== undefined ||
    (facts.callerNumber !== undefined && facts.callerNumber.trim() !== '') ||
    (facts.callerIdName !== undefined && facts.callerIdName.trim() !== '') ||
    (facts.callerIdVerification !== undefined && facts.callerIdVerification !== 'unknown') ||
    facts.priorSupportRequest !== undefined
  );
}
