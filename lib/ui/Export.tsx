import { useState } from 'preact/hooks';
import {
  EXPORT_FORMAT_NAMES,
  EXPORT_FORMATS,
  type ExportFormat,
  exportAs,
  exportFileName,
} from '../export/index';
import { formatLinks } from '../format/labels';
import type { Link, Report } from '../schemas';

export interface ExportApi {
  copy(text: string): Promise<void>;
  download(fileName: string, mime: string, text: string): void;
}

/**
 * The export menu: a format, whether "Other links" come too, copy or download. Exports what the filters show,
 * in their order.
 */
export function ExportMenu({
  report,
  linksFor,
  api,
  format: initial,
  onFormat,
  waiting = false,
}: {
  report: Report;
  /** The links to export, given whether "Other links" are included. */
  linksFor(includeOther: boolean): Link[];
  api: ExportApi;
  format: ExportFormat;
  onFormat(format: ExportFormat): void;
  /** The links' context sentences are still arriving: copying and saving wait until they are in. */
  waiting?: boolean;
}) {
  const [format, setFormat] = useState<ExportFormat>(initial);
  const [includeOther, setIncludeOther] = useState(false);
  const [bom, setBom] = useState(true);
  const [status, setStatus] = useState('');
  const render = () => {
    const links = linksFor(includeOther);
    const accessed = new Date();
    return { links, text: exportAs(format, { report, links, accessed }, { bom }), accessed };
  };
  const copy = async () => {
    const { links, text } = render();
    await api.copy(text).then(
      () => setStatus(`Copied ${formatLinks(links.length)} as ${EXPORT_FORMATS[format].label}.`),
      () => setStatus('Could not copy: the browser refused the clipboard.'),
    );
  };
  const download = () => {
    const { links, text, accessed } = render();
    const name = exportFileName(report, EXPORT_FORMATS[format].extension, accessed);
    api.download(name, EXPORT_FORMATS[format].mime, text);
    setStatus(`Saved ${formatLinks(links.length)} to ${name}.`);
  };
  return (
    <details class="export">
      <summary>Export</summary>
      <div class="export-panel">
        <label>
          Format{' '}
          <select
            aria-label="Export format"
            value={format}
            onChange={(e) => {
              const next = (e.target as HTMLSelectElement).value as ExportFormat;
              setFormat(next);
              onFormat(next);
            }}
          >
            {EXPORT_FORMAT_NAMES.map((f) => (
              <option key={f} value={f}>
                {EXPORT_FORMATS[f].label}
              </option>
            ))}
          </select>
        </label>
        <label>
          <input
            type="checkbox"
            checked={includeOther}
            onChange={(e) => setIncludeOther((e.target as HTMLInputElement).checked)}
          />{' '}
          Include other links
        </label>
        {format === 'csv' && (
          <label title="A byte-order mark makes spreadsheets read the file as UTF-8">
            <input
              type="checkbox"
              checked={bom}
              onChange={(e) => setBom((e.target as HTMLInputElement).checked)}
            />{' '}
            For Excel (BOM)
          </label>
        )}
        <span class="export-actions">
          <button type="button" disabled={waiting} onClick={() => void copy()}>
            Copy
          </button>
          <button type="button" disabled={waiting} onClick={download}>
            Download
          </button>
        </span>
        <p class="export-status" aria-live="polite">
          {waiting ? 'Reading the context sentences…' : status}
        </p>
      </div>
    </details>
  );
}
