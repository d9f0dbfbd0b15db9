/* commands.h - subcommands of the ifreward CLI that live outside main.c. */
#ifndef IFR_CLI_COMMANDS_H
#define IFR_CLI_COMMANDS_H

int cmd_lint(int argc, char **argv);
int cmd_refine(int argc, char **argv);

#endif
