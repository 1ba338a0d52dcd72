import { isAppUrl } from './app-origin';

/** The parts of Electron's WebFrameMain the check reads. */
export interface FrameLike {
  readonly url: string;
  readonly parent: FrameLike | null;
  readonly detached?: boolean;
}

/** The parts of IpcMainInvokeEvent the check reads. */
export interface SenderEventLike {
  readonly senderFrame: FrameLike | null | undefined;
  readonly sender: { readonly id: number };
}

/**
 * Checklist item 17: validate the sender of every IPC message. A call is trusted only when it
 * comes from a live top-level frame (not an iframe: an about:blank or data: frame inherits or
 * fakes nothing here) of one of our own windows, and that frame shows app://tokenscope. A frame
 * that navigated away or was destroyed has senderFrame === null and is refused.
 */
export function createSenderCheck(isOurWebContents: (webContentsId: number) => boolean): (event: SenderEventLike) => boolean {
  return (event) => {
    const frame = event.senderFrame;
    if (!frame) return false;
    if (frame.detached === true) return false;
    if (frame.parent !== null) return false;
    if (!isOurWebContents(event.sender.id)) return false;
    return isAppUrl(frame.url);
  };
}
