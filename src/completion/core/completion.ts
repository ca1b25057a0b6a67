/**
 * `pixel completion bash|zsh|fish`, pure: the command tree (read from commander by program.ts)
 * and the content's names (lessons, problems, languages, feed sources) become a script for the
 * shell. The script holds the names as they are when it is generated; run it again after
 * adding a feed source.
 */

/** What a word may be: the kinds the scripts fill in, or a fixed list. */
export type WordKind =
  | 'lessons'
  | 'problems'
  | 'lessons-and-problems'
  | 'languages'
  | 'sources'
  | 'topics'
  | 'commands'
  | 'files'
  | 'folders'
  | 'none'
  | { choices: readonly string[] };

export interface OptionSpec {
  /** `--json`, and `-y` when it has a short form. */
  long: string;
  short?: string;
  /** undefined for a flag that takes no value. */
  value?: WordKind;
  description: string;
}

export interface CommandSpec {
  /** `learn`, or `feed add` for a subcommand. */
  path: string;
  description: string;
  options: OptionSpec[];
  /** What its positional words are. */
  positional: WordKind;
  /** Subcommands' names, for `feed`. */
  subcommands: string[];
}

export interface CompletionWords {
  lessons: string[];
  problems: string[];
  languages: string[];
  sources: string[];
  topics: string[];
}

/** Which kind of word an argument or option takes, by its name in the command tree. */
export function kindOfName(
  name: string,
  choices: readonly string[] | undefined,
  where: 'argument' | 'option',
): WordKind {
  if (choices && choices.length > 0) return { choices };
  switch (name) {
    case 'topic':
      // `pixel learn <topic>` is a lesson; `pixel feed --topic` a subfield of the feed.
      return where === 'argument' ? 'lessons' : 'topics';
    case 'problem':
      return 'problems';
    case 'reset':
    case 'what':
      return 'lessons-and-problems';
    case 'lang':
    case 'language':
      return 'languages';
    case 'id':
    case 'source':
      return 'sources';
    case 'topics':
      return 'topics';
    case 'command':
      return 'commands';
    case 'dir':
      return 'folders';
    case 'path':
    case 'file':
    case 'data':
      return 'files';
    default:
      return 'none';
  }
}

function words(kind: WordKind, content: CompletionWords, commands: readonly string[]): string[] {
  if (typeof kind === 'object') return [...kind.choices];
  switch (kind) {
    case 'lessons':
      return content.lessons;
    case 'problems':
      return content.problems;
    case 'lessons-and-problems':
      return [...new Set([...content.lessons, ...content.problems])];
    case 'languages':
      return content.languages;
    case 'sources':
      return content.sources;
    case 'topics':
      return content.topics;
    case 'commands':
      return [...commands];
    default:
      return [];
  }
}

/** Only names a shell can hold in a word list without quoting. */
const SAFE_WORD = /^-{0,2}[A-Za-z0-9][A-Za-z0-9._:+-]*$/;
const list = (items: readonly string[]) => items.filter((item) => SAFE_WORD.test(item)).join(' ');
/** A description inside single quotes. */
const quote = (text: string) => `'${text.replace(/'/g, "'\\''")}'`;

function fileKind(kind: WordKind): 'files' | 'folders' | undefined {
  return kind === 'files' || kind === 'folders' ? kind : undefined;
}

/** The options of a command that take a value: their names as a shell case label, and what the value is. */
function valueOptions(spec: CommandSpec) {
  return spec.options
    .filter((option) => option.value !== undefined && option.value !== 'none')
    .map((option) => {
      const kind = option.value as WordKind;
      return {
        names: [option.long, option.short].filter(Boolean).join('|'),
        kind,
        file: fileKind(kind),
      };
    });
}

/**
 * The start of a command's branch in the script's `case "$cmdpath"`, the same in bash and zsh:
 * the command's path, then what to offer after each option that takes a value.
 */
function branchStart(spec: CommandSpec, valueCases: readonly string[]): string[] {
  return [`    ${quote(spec.path)})`, `      case "$prev" in`, ...valueCases, `      esac`];
}

export function bashScript(specs: readonly CommandSpec[], content: CompletionWords): string {
  const top = specs.filter((spec) => !spec.path.includes(' ')).map((spec) => spec.path);
  const cases = specs.map((spec) => {
    const optionWords = list(spec.options.flatMap((option) => [option.long, option.short ?? '']));
    const valueCases = valueOptions(spec).map(({ names, kind, file }) => {
      return file
        ? `        ${names}) COMPREPLY=($(compgen ${file === 'folders' ? '-d' : '-f'} -- "$cur")); return ;;`
        : `        ${names}) COMPREPLY=($(compgen -W ${quote(list(words(kind, content, top)))} -- "$cur")); return ;;`;
    });
    const positional = [...spec.subcommands, ...words(spec.positional, content, top)];
    const file = fileKind(spec.positional);
    return [
      ...branchStart(spec, valueCases),
      `      if [[ "$cur" == -* ]]; then COMPREPLY=($(compgen -W ${quote(optionWords)} -- "$cur"));`,
      file
        ? `      else COMPREPLY=($(compgen -W ${quote(list(positional))} -- "$cur") $(compgen ${file === 'folders' ? '-d' : '-f'} -- "$cur")); fi ;;`
        : `      else COMPREPLY=($(compgen -W ${quote(list(positional))} -- "$cur")); fi ;;`,
    ].join('\n');
  });
  return `# bash completion for pixel: add to ~/.bashrc
#   source <(pixel completion bash)
_pixel() {
  local cur prev cmdpath word i
  cur="\${COMP_WORDS[COMP_CWORD]}"
  prev="\${COMP_WORDS[COMP_CWORD-1]}"
  cmdpath=""
  # The command (and the feed's subcommand) typed so far: the words that are not options.
  for ((i = 1; i < COMP_CWORD; i++)); do
    word="\${COMP_WORDS[i]}"
    [[ "$word" == -* ]] && continue
    if [[ -z "$cmdpath" ]]; then cmdpath="$word"
    elif [[ "$cmdpath" == feed ]]; then case "$word" in ${spec2(specs)}) cmdpath="feed $word" ;; esac
    fi
  done
  if [[ -z "$cmdpath" ]]; then
    if [[ "$cur" == -* ]]; then COMPREPLY=($(compgen -W '--help --version --no-color' -- "$cur"))
    else COMPREPLY=($(compgen -W ${quote(list(top))} -- "$cur")); fi
    return
  fi
  case "$cmdpath" in
${cases.join('\n')}
  esac
}
complete -o default -F _pixel pixel
`;
}

/** `list|read|open|...`: the feed's subcommands, as a bash case pattern. */
function spec2(specs: readonly CommandSpec[]): string {
  return (
    specs
      .filter((spec) => spec.path.startsWith('feed '))
      .map((spec) => spec.path.slice('feed '.length))
      .join('|') || 'list'
  );
}

export function zshScript(specs: readonly CommandSpec[], content: CompletionWords): string {
  const top = specs.filter((spec) => !spec.path.includes(' '));
  const described = (items: ReadonlyArray<{ name: string; description: string }>) =>
    items.map((item) => quote(`${item.name}:${item.description.replace(/:/g, '\\:')}`)).join(' ');
  const cases = specs.map((spec) => {
    const optionItems = spec.options.flatMap((option) =>
      [option.long, option.short ?? '']
        .filter(Boolean)
        .map((name) => ({ name, description: option.description })),
    );
    const valueCases = valueOptions(spec).map(({ names, kind, file }) => {
      return file
        ? `        ${names}) ${file === 'folders' ? '_files -/' : '_files'}; return ;;`
        : `        ${names}) compadd -- ${list(
            words(
              kind,
              content,
              top.map((s) => s.path),
            ),
          )}; return ;;`;
    });
    const subs = specs
      .filter((other) => other.path.startsWith(`${spec.path} `))
      .map((other) => ({
        name: other.path.slice(spec.path.length + 1),
        description: other.description,
      }));
    const file = fileKind(spec.positional);
    return [
      ...branchStart(spec, valueCases),
      `      if [[ "$cur" == -* ]]; then`,
      `        local -a opts; opts=(${described(optionItems)}); _describe option opts`,
      `      else`,
      ...(subs.length > 0
        ? [`        local -a subs; subs=(${described(subs)}); _describe command subs`]
        : []),
      `        compadd -- ${list(
        words(
          spec.positional,
          content,
          top.map((s) => s.path),
        ),
      )}`,
      ...(file ? [`        ${file === 'folders' ? '_files -/' : '_files'}`] : []),
      `      fi ;;`,
    ].join('\n');
  });
  return `#compdef pixel
# zsh completion for pixel: add to ~/.zshrc (after compinit)
#   source <(pixel completion zsh)
_pixel() {
  local cur prev cmdpath word i
  cur="\${words[CURRENT]}"
  prev="\${words[CURRENT-1]}"
  cmdpath=""
  for ((i = 2; i < CURRENT; i++)); do
    word="\${words[i]}"
    [[ "$word" == -* ]] && continue
    if [[ -z "$cmdpath" ]]; then cmdpath="$word"
    elif [[ "$cmdpath" == feed ]]; then case "$word" in (${spec2(specs)}) cmdpath="feed $word" ;; esac
    fi
  done
  if [[ -z "$cmdpath" ]]; then
    if [[ "$cur" == -* ]]; then compadd -- --help --version --no-color
    else local -a cmds; cmds=(${described(top.map((spec) => ({ name: spec.path, description: spec.description })))}); _describe command cmds; fi
    return
  fi
  case "$cmdpath" in
${cases.join('\n')}
  esac
}
compdef _pixel pixel
`;
}

export function fishScript(specs: readonly CommandSpec[], content: CompletionWords): string {
  const top = specs.filter((spec) => !spec.path.includes(' '));
  const topNames = top.map((spec) => spec.path);
  const feedSubs = specs
    .filter((spec) => spec.path.startsWith('feed '))
    .map((spec) => spec.path.slice(5));
  const lines = [
    '# fish completion for pixel: save as ~/.config/fish/completions/pixel.fish',
    '#   pixel completion fish > ~/.config/fish/completions/pixel.fish',
    'complete -c pixel -f',
    ...top.map(
      (spec) =>
        `complete -c pixel -n '__fish_use_subcommand' -a ${spec.path} -d ${quote(spec.description)}`,
    ),
  ];
  for (const spec of specs) {
    const [first, second] = spec.path.split(' ');
    const condition = second
      ? `__fish_seen_subcommand_from ${first}; and __fish_seen_subcommand_from ${second}`
      : spec.path === 'feed'
        ? `__fish_seen_subcommand_from feed; and not __fish_seen_subcommand_from ${feedSubs.join(' ')}`
        : `__fish_seen_subcommand_from ${first}`;
    for (const option of spec.options) {
      const long = option.long.replace(/^--/, '');
      const short = option.short ? ` -s ${option.short.replace(/^-/, '')}` : '';
      const kind = option.value;
      const file = kind ? fileKind(kind) : undefined;
      const value =
        kind === undefined || kind === 'none'
          ? ''
          : file
            ? ' -r -F'
            : ` -x -a ${quote(list(words(kind, content, topNames)))}`;
      lines.push(
        `complete -c pixel -n ${quote(condition)} -l ${long}${short}${value} -d ${quote(option.description)}`,
      );
    }
    const subs = specs.filter((other) => other.path.startsWith(`${spec.path} `));
    for (const sub of subs)
      lines.push(
        `complete -c pixel -n ${quote(condition)} -a ${sub.path.slice(spec.path.length + 1)} -d ${quote(sub.description)}`,
      );
    const positional = list(words(spec.positional, content, topNames));
    if (positional) lines.push(`complete -c pixel -n ${quote(condition)} -a ${quote(positional)}`);
    const file = fileKind(spec.positional);
    if (file) lines.push(`complete -c pixel -n ${quote(condition)} -F`);
  }
  return `${lines.join('\n')}\n`;
}
