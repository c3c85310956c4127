// The part of jsonstat-toolkit (https://jsonstat.com/javascript-toolkit/) the tests use; the
// package ships no types.
declare module 'jsonstat-toolkit' {
  interface JsonStatCategory {
    label: string;
    index: number;
  }
  interface JsonStatDimension {
    label: string;
    length: number;
    id: string[];
    role: string;
    Category(id: string | number): JsonStatCategory | null;
  }
  interface JsonStatDatasetReader {
    label: string;
    id: string[];
    size: number[];
    n: number;
    role: Record<string, string[] | null> | null;
    extension: Record<string, unknown> | null;
    note: string[] | null;
    Dimension(id: string | number): JsonStatDimension | null;
    Data(
      selection: Record<string, string> | number | string[],
    ): { value: number | null; status: string | null } | null;
  }
  interface JsonStatReader {
    class: string;
    length: number;
    error?: string;
    Dataset(index: number | string): JsonStatDatasetReader | null;
  }
  export default function JSONstat(input: object): JsonStatReader;
}
