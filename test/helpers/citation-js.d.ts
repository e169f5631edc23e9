// citation-js ships no types; what the export tests use of it.
declare module '@citation-js/core' {
  export class Cite {
    constructor(data: unknown);
    static async(data: unknown): Promise<Cite>;
    data: unknown[];
    format(type: string, options?: Record<string, unknown>): string;
  }
}
declare module '@citation-js/plugin-csl';
declare module '@citation-js/plugin-ris';
