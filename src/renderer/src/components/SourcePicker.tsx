/**
 * "A take or a file on this computer": the source choice the Check and Review screens share. The
 * labels come in already translated (each screen has its own words); test ids are `<prefix>-take`,
 * `<prefix>-path` and `<prefix>-kind-file`.
 */
export interface SourcePickerProps {
  kind: 'take' | 'file';
  onKind: (kind: 'take' | 'file') => void;
  takes: readonly { id: string; name: string }[];
  takeId: string;
  onTakeId: (id: string) => void;
  filePath: string;
  onFilePath: (path: string) => void;
  labels: { aTake: string; aFile: string; take: string; noTakes: string; path: string };
  placeholder: string;
  testIdPrefix: string;
}

export function SourcePicker(p: SourcePickerProps) {
  return (
    <>
      <div className="row">
        <label className="check">
          <input type="radio" checked={p.kind === 'take'} onChange={() => p.onKind('take')} /> {p.labels.aTake}
        </label>
        <label className="check">
          <input type="radio" checked={p.kind === 'file'} data-testid={`${p.testIdPrefix}-kind-file`} onChange={() => p.onKind('file')} /> {p.labels.aFile}
        </label>
      </div>
      {p.kind === 'take' ? (
        <label className="field">
          {p.labels.take}
          <select data-testid={`${p.testIdPrefix}-take`} value={p.takeId} onChange={(e) => p.onTakeId(e.target.value)}>
            {p.takes.length === 0 && <option value="">{p.labels.noTakes}</option>}
            {p.takes.map((x) => (
              <option key={x.id} value={x.id}>
                {x.name}
              </option>
            ))}
          </select>
        </label>
      ) : (
        <label className="field">
          {p.labels.path}
          <input data-testid={`${p.testIdPrefix}-path`} value={p.filePath} placeholder={p.placeholder} onChange={(e) => p.onFilePath(e.target.value)} />
        </label>
      )}
    </>
  );
}
