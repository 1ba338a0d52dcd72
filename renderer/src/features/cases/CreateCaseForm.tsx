import { useId, useState, type FormEvent } from 'react';
import type { ErrorInfo } from '../../../../shared/contract';
import { ErrorText } from '../../components/ErrorText';

export interface CreateCaseFormProps {
  busy: boolean;
  /** Resolves to an error to show beside the field, or null when the case was created. */
  onCreate(name: string): Promise<ErrorInfo | null>;
}

export function CreateCaseForm({ busy, onCreate }: CreateCaseFormProps) {
  const [name, setName] = useState('');
  const [error, setError] = useState<ErrorInfo | null>(null);
  const inputId = useId();
  const errorId = useId();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const problem = await onCreate(name);
    setError(problem);
    if (!problem) setName('');
  }

  return (
    <form className="inline-form" onSubmit={(e) => void submit(e)} aria-label="Create a case">
      <label htmlFor={inputId}>New case name</label>
      <input
        id={inputId}
        name="case-name"
        value={name}
        maxLength={120}
        autoComplete="off"
        placeholder="e.g. Drift token breach 2025-08"
        onChange={(e) => setName(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
      />
      <button type="submit" className="primary" disabled={busy}>
        Create case
      </button>
      {error ? (
        <p id={errorId} className="field-error" role="alert">
          <ErrorText code={error.code} message={error.message} />
        </p>
      ) : null}
    </form>
  );
}
