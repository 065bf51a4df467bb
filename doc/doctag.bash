# bash completion for doctag(1). Installed into
# <datadir>/bash-completion/completions/doctag, where bash-completion finds it.

_doctag()
{
    local cur prev words cword
    _init_completion 2>/dev/null || {
        cur=${COMP_WORDS[COMP_CWORD]}
        prev=${COMP_WORDS[COMP_CWORD-1]}
        words=("${COMP_WORDS[@]}")
        cword=$COMP_CWORD
    }
    local commands="tag text batch highlight compile help"
    local types="money un_symbol agency instrument"
    local command="" i
    for ((i = 1; i < cword; i++)); do
        case ${words[i]} in
        tag|text|batch|highlight|compile|help) command=${words[i]}; break ;;
        esac
    done

    if [[ -z $command ]]; then
        COMPREPLY=($(compgen -W "$commands -h --help -V --version" -- "$cur"))
        return
    fi

    case $prev in
    -f|--format)
        COMPREPLY=($(compgen -W "jsonl tsv csv" -- "$cur")); return ;;
    -t|--types)
        # comma-separated: complete the last item
        local head=${cur%,*} tail=${cur##*,}
        [[ $head == "$cur" ]] && head="" || head="$head,"
        COMPREPLY=($(compgen -P "$head" -W "$types" -- "$tail")); return ;;
    -d)
        COMPREPLY=($(compgen -d -- "$cur")); return ;;
    -o|--out-dir)
        if [[ $command == tag || ( $command == batch && $prev == --out-dir ) ]]; then
            COMPREPLY=($(compgen -d -- "$cur")); return
        fi
        COMPREPLY=($(compgen -f -- "$cur")); return ;;
    --output|-m|--model|--manifest)
        COMPREPLY=($(compgen -f -- "$cur")); return ;;
    -D|--dict)
        COMPREPLY=($(compgen -f -X '!*.dict' -- "$cur") $(compgen -d -- "$cur")); return ;;
    -p|--pages|--password|-j|--jobs|-g|--glob|-x|--exclude|--max-bytes|--max-pages|--max-entities|--page-ms|--pdf-readers)
        return ;;
    esac

    if [[ $cur == -* ]]; then
        local opts
        case $command in
        tag) opts="--format --no-header --out-dir --model --dict --types --pages --password --max-bytes --max-entities --max-pages --page-ms --pdf-readers --trusted-model --help" ;;
        text) opts="--pages --password --max-bytes --pdf-readers --help" ;;
        batch) opts="--out-dir --output --format --jobs --glob --exclude --force --manifest --max-bytes --max-pages --sync --quiet --model --dict --pages --password --help" ;;
        highlight) opts="--output --model --dict --types --pages --password --max-bytes --max-entities --max-pages --page-ms --help" ;;
        compile) opts="--output --help" ;;
        esac
        COMPREPLY=($(compgen -W "$opts" -- "$cur"))
        return
    fi
    case $command in
    highlight) COMPREPLY=($(compgen -f -X '!*.[pP][dD][fF]' -- "$cur") $(compgen -d -- "$cur")) ;;
    compile) COMPREPLY=($(compgen -f -X '!*.dict' -- "$cur") $(compgen -d -- "$cur")) ;;
    *) COMPREPLY=($(compgen -f -- "$cur")) ;;
    esac
}
complete -o filenames -F _doctag doctag
