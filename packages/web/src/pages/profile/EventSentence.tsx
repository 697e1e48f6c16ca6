import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { LineageEvent, OrganizationHistory, ParticipantRole } from '../../api/types';
import { OrgLink } from '../../components/OrgLink';
import { joinNodes, richText, slot } from '../../components/RichText';
import { fmtNumber } from '../../format';

type Participant = LineageEvent['participants'][number];

function withRole(event: LineageEvent, role: ParticipantRole): Participant[] {
  return event.participants.filter((p) => p.role === role);
}

function link(p: Participant): ReactNode {
  return <OrgLink org={p.organization} text={p.nameAtEvent} />;
}

/**
 * One lineage event as a plain Vietnamese sentence built from its
 * participants and their roles, e.g. "A hợp nhất vào B; 20 đơn vị trực
 * thuộc chuyển sang".
 */
export function EventSentence({
  event,
  history,
}: {
  event: LineageEvent;
  history: OrganizationHistory;
}) {
  const { t } = useTranslation();
  const and = t('history.sentence.and');
  const list = (ps: Participant[]) => joinNodes(ps.map(link), and);
  const moved = withRole(event, 'moved_child').length;
  const n = fmtNumber(moved);

  switch (event.kind) {
    case 'merge': {
      const sources = withRole(event, 'source');
      const survivor = withRole(event, 'survivor');
      const created = withRole(event, 'created');
      const main =
        survivor.length > 0
          ? richText(
              t('history.sentence.mergeInto', {
                sources: slot('sources'),
                survivor: slot('target'),
              }),
              {
                sources: list(sources),
                target: list(survivor),
              },
            )
          : richText(
              t('history.sentence.mergeNew', { sources: slot('sources'), created: slot('target') }),
              {
                sources: list(sources),
                target: list(created),
              },
            );
      return (
        <>
          {main}
          {moved > 0 && `; ${t('history.sentence.mergeMoved', { n, count: moved })}`}
        </>
      );
    }
    case 'split': {
      const main = richText(
        t('history.sentence.split', { source: slot('source'), created: slot('created') }),
        {
          source: list(withRole(event, 'source')),
          created: list(withRole(event, 'created')),
        },
      );
      return (
        <>
          {main}
          {moved > 0 && `; ${t('history.sentence.splitMoved', { n, count: moved })}`}
        </>
      );
    }
    case 'rename': {
      const subject = withRole(event, 'subject');
      const newName = history.names.find((name) => name.eventId === event.id)?.fullName;
      if (newName === undefined) {
        return richText(t('history.sentence.renameUnknown', { from: slot('from') }), {
          from: list(subject),
        });
      }
      return richText(t('history.sentence.rename', { from: slot('from'), to: slot('to') }), {
        from: list(subject),
        to: <strong>{newName}</strong>,
      });
    }
    case 'move': {
      const subject = list(withRole(event, 'subject'));
      const from = withRole(event, 'old_parent');
      const to = list(withRole(event, 'new_parent'));
      if (from.length === 0) {
        return richText(
          t('history.sentence.moveNoFrom', { subject: slot('subject'), to: slot('to') }),
          {
            subject,
            to,
          },
        );
      }
      return richText(
        t('history.sentence.move', {
          subject: slot('subject'),
          from: slot('from'),
          to: slot('to'),
        }),
        { subject, from: list(from), to },
      );
    }
    case 'dissolve': {
      const main = richText(t('history.sentence.dissolve', { subject: slot('subject') }), {
        subject: list(withRole(event, 'subject')),
      });
      const receivers = withRole(event, 'new_parent');
      return (
        <>
          {main}
          {moved > 0 && receivers.length > 0 && (
            <>
              {'; '}
              {richText(t('history.sentence.dissolveMoved', { n, count: moved, to: slot('to') }), {
                to: list(receivers),
              })}
            </>
          )}
        </>
      );
    }
  }
}
