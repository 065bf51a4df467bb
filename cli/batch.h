/* batch.h: `doctag batch`: many documents (files, folders, archives) in,
 * tagged by worker threads sharing one model, one output file per
 * document (resumable, with a manifest) or one ordered stream out. */
#ifndef DOCTAG_CLI_BATCH_H
#define DOCTAG_CLI_BATCH_H

/* The whole command: argv[0] is "doctag batch". Returns the exit status
 * (0 all tagged, 1 some failed, 2 usage, 3 model). */
int command_batch(int argc, char **argv);

#endif
