import { useEffect, useState } from 'react';
import { GUIDE_STEPS } from './steps';

/** A guided first round: short steps that point at one part of the board at a time. */
export function Guide() {
  const [step, setStep] = useState(0);
  const [closed, setClosed] = useState(false);
  const s = GUIDE_STEPS[step];
  useEffect(() => {
    document.body.dataset.guide = closed ? '' : s.target;
    return () => {
      document.body.dataset.guide = '';
    };
  }, [s, closed]);
  if (closed) return null;
  const last = step === GUIDE_STEPS.length - 1;
  return (
    <aside className="guide" aria-labelledby="guide-title" aria-live="polite">
      <p className="guide-count">
        First-round guide · {step + 1} of {GUIDE_STEPS.length}
      </p>
      <h2 id="guide-title">{s.title}</h2>
      <p>{s.text}</p>
      <div className="guide-actions">
        <button
          type="button"
          className="btn ghost"
          disabled={step === 0}
          onClick={() => setStep(step - 1)}
        >
          Back
        </button>
        <button
          type="button"
          className="btn primary"
          onClick={() => (last ? setClosed(true) : setStep(step + 1))}
        >
          {last ? 'Got it — play' : 'Next'}
        </button>
        <button type="button" className="btn ghost" onClick={() => setClosed(true)}>
          Close guide
        </button>
      </div>
    </aside>
  );
}
