import { Modal, type ModalProps } from "@mantine/core";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { useUnsavedGuard } from "../lib/unsaved.ts";
import { ConfirmDialog } from "./confirm-dialog.tsx";

/**
 * A dialog that never drops what was typed: while it has changes, Escape, a click outside, the close button
 * and its own Cancel ask first (a second dialog above it), and leaving the page asks too. `children` may be
 * a function given that guarded close, for the dialog's own Cancel button.
 */
export function GuardedModal({
  dirty,
  onClose,
  onDiscard,
  children,
  ...props
}: Omit<ModalProps, "children"> & {
  dirty: boolean;
  /** called when the user confirms dropping the changes, before the dialog closes */
  onDiscard?: () => void;
  children: ReactNode | ((close: () => void) => ReactNode);
}) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  useUnsavedGuard(props.opened && dirty);
  const close = () => (dirty ? setAsking(true) : onClose());
  return (
    <>
      <Modal {...props} onClose={close}>
        {typeof children === "function" ? children(close) : children}
      </Modal>
      <ConfirmDialog
        opened={props.opened && asking}
        title={t("discardTitle")}
        message={t("discardText")}
        confirmLabel={t("discard")}
        cancelLabel={t("keepEditing")}
        onConfirm={() => {
          setAsking(false);
          onDiscard?.();
          onClose();
        }}
        onCancel={() => setAsking(false)}
      />
    </>
  );
}
