export interface ErrorTextProps {
  code: string;
  message: string;
}

/** An envelope error as the user sees it: the code (for bug reports) and the sentence. */
export function ErrorText({ code, message }: ErrorTextProps) {
  return (
    <span className="error-text">
      <code className="error-code">{code}</code> {message}
    </span>
  );
}
