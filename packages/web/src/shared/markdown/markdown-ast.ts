/**
 * The small Markdown subset the dashboard renders (agent output, role prompts), as a tree.
 * The parser never produces HTML: raw HTML in the source stays text, and the Vue renderer
 * (MarkdownView) turns this tree into elements whose text goes through text nodes only.
 */
export type Inline =
  | { readonly type: 'text'; readonly text: string }
  | { readonly type: 'code'; readonly text: string }
  | { readonly type: 'strong' | 'em' | 'del'; readonly children: readonly Inline[] }
  /** `href` has passed `safeHref`; unsafe links are parsed as text instead. */
  | { readonly type: 'link'; readonly href: string; readonly children: readonly Inline[] }
  | { readonly type: 'break' };

export type TableAlign = 'left' | 'center' | 'right' | null;

export type Block =
  | { readonly type: 'heading'; readonly level: 1 | 2 | 3 | 4 | 5 | 6; readonly children: readonly Inline[] }
  | { readonly type: 'paragraph'; readonly children: readonly Inline[] }
  | { readonly type: 'code'; readonly lang: string; readonly text: string }
  | { readonly type: 'quote'; readonly children: readonly Block[] }
  | {
      readonly type: 'list';
      readonly ordered: boolean;
      /** First number of an ordered list. */
      readonly start: number;
      /** Each item is a list of blocks; a tight item is one paragraph rendered without `<p>`. */
      readonly items: ReadonlyArray<readonly Block[]>;
      readonly tight: boolean;
    }
  | {
      readonly type: 'table';
      readonly align: readonly TableAlign[];
      readonly head: ReadonlyArray<readonly Inline[]>;
      readonly rows: ReadonlyArray<ReadonlyArray<readonly Inline[]>>;
    }
  | { readonly type: 'rule' };
