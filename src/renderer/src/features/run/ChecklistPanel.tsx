import { useTranslation } from 'react-i18next';
import { create } from 'zustand';
import type { ChecklistItem } from '../../../../shared/api';
import { PRESHOOT_CHECKLIST, type ChecklistId } from '../../../../shared/standards';

const KEY = 'capture-studio.checklist';

function load(): Partial<Record<ChecklistId, boolean>> {
  try {
    return JSON.parse(localStorage.getItem(KEY) ?? '{}') as Partial<Record<ChecklistId, boolean>>;
  } catch {
    return {};
  }
}

interface ChecklistState {
  ticked: Partial<Record<ChecklistId, boolean>>;
  toggle(id: ChecklistId): void;
  items(): ChecklistItem[];
}

/** The ticks persist on this machine between takes; each take saves the list as it was. */
export const useChecklist = create<ChecklistState>((set, get) => ({
  ticked: load(),
  toggle(id) {
    const ticked = { ...get().ticked, [id]: !get().ticked[id] };
    localStorage.setItem(KEY, JSON.stringify(ticked));
    set({ ticked });
  },
  items: () => PRESHOOT_CHECKLIST.map((c) => ({ id: c.id, checked: !!get().ticked[c.id] })),
}));

/** The pre-shoot checklist of §1.1 and §1.2.2. Record works with items unticked; the take lists them. */
export function ChecklistPanel() {
  const { t } = useTranslation();
  const ticked = useChecklist((s) => s.ticked);
  const toggle = useChecklist((s) => s.toggle);
  const done = PRESHOOT_CHECKLIST.filter((c) => ticked[c.id]).length;
  return (
    <section className="panel checklist" data-testid="checklist">
      <h2>
        {t('checklist.heading')} <span className="muted">{done}/{PRESHOOT_CHECKLIST.length}</span>
      </h2>
      <ul>
        {PRESHOOT_CHECKLIST.map((c) => (
          <li key={c.id}>
            <label className="check">
              <input type="checkbox" checked={!!ticked[c.id]} data-testid={`check-${c.id}`} onChange={() => toggle(c.id)} />
              <span>
                {t(`checklist.items.${c.id}`)} <span className="section">{c.section}</span>
              </span>
            </label>
          </li>
        ))}
      </ul>
    </section>
  );
}
