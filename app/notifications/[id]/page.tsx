import { notFound, redirect } from "next/navigation";
import { getViewer } from "@/lib/auth/viewer";
import { idFromText } from "@/lib/contracts/ids";
import { WikiError } from "@/lib/errors";
import { openNotification } from "@/lib/notifications/open-notification";

type Props = { params: Promise<{ id: string }> };

// GET /notifications/{id} — follow a notification: marks it read and goes where it points (the diff, the proposal).
// The recipient only; anyone else's (or none) is 404. Marking one's own notification read is the only effect, so a
// GET is fine (as MediaWiki's notification links do).
export default async function OpenNotificationPage({ params }: Props) {
  const viewer = await getViewer();
  if (!viewer) redirect(`/login?returnTo=${encodeURIComponent("/notifications")}`);
  const id = idFromText((await params).id);
  if (id === null) notFound();
  let path: string;
  try {
    ({ path } = await openNotification({ actor: viewer, notificationId: id }));
  } catch (error) {
    if (error instanceof WikiError && error.status === 404) notFound();
    throw error;
  }
  redirect(path);
}
