import { isAppUrl } from './app-origin';

/** The parts of Electron's WebFrameMain the check reads. */
export interface FrameLike {
  readonly url: string;
  readonly parent: FrameLike | null;
  readonly detached?: boolean;
  /** Together these identify one RenderFrameHost (WebFrameMain.processId / .routingId). */
  readonly processId?: number;
  readonly routingId?: number;
}

/** The parts of IpcMainInvokeEvent the check reads. */
export interface SenderEventLike {
  readonly senderFrame: FrameLike | null | undefined;
  readonly sender: { readonly id: number };
}

/**
 * Checklist item 17: validate the sender of every IPC message. A call is trusted only when it
 * comes from THE main frame of one of our windows (`mainFrameOf` answers for our webContents
 * ids and null for anything else), that frame is live, and it shows app://tokenscope. So an
 * about:blank or data: iframe, a fenced frame (which has no parent either), another window, or
 * a frame that navigated away or was destroyed (senderFrame === null) is refused.
 */
export function createSenderCheck(mainFrameOf: (webContentsId: number) => FrameLike | null | undefined): (event: SenderEventLike) => boolean {
  return (event) => {
    const frame = event.senderFrame;
    if (!frame) return false;
    if (frame.detached === true) return false;
    if (frame.parent !== null) return false;
    const main = mainFrameOf(event.sender.id);
    if (!main || !sameFrame(frame, main)) return false;
    return isAppUrl(frame.url);
  };
}

function sameFrame(a: FrameLike, b: FrameLike): boolean {
  if (a === b) return true;
  // Electron may hand out a different wrapper object for the same frame; compare its identity.
  return a.processId !== undefined && a.routingId !== undefined && a.processId === b.processId && a.routingId === b.routingId;
}
