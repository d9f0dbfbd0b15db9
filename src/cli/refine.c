/* refine.c - placeholder (written next) */
#include "commands.h"
int cmd_refine(int argc, char **argv) { (void)argc; (void)argv; return 2; }
