/** The `english` lines of the CLI's usage (kept apart so the usage loads nothing else). */
export const ENGLISH_USAGE = `  policy-bot english [--document ID]
                                   how much of the corpus has English, per document
  policy-bot english --missing [--json | --csv] [--document ID]
                                   the items without English, and entries to review
                                   (the source's title changed); --csv: a template to fill
  policy-bot english import FILE [--by person|deepl|llm]
                                   fill English from a CSV (id,title,summary[,by,date,ja]) or
                                   YAML file; checked first, all or nothing
  policy-bot english fill [--document ID]
                                   translate what is missing with the configured provider`;
