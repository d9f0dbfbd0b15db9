/*
 * embed.c - build-time tool: turn a data file into a C source defining
 *   const unsigned char NAME[] (NUL-terminated) and const size_t NAME_len.
 * Usage: ifr_embed INPUT OUTPUT.c NAME
 */
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv)
{
    if (argc != 4) {
        fprintf(stderr, "usage: %s INPUT OUTPUT.c NAME\n", argv[0]);
        return 2;
    }
    FILE *in = fopen(argv[1], "rb");
    if (!in) {
        perror(argv[1]);
        return 1;
    }
    FILE *out = fopen(argv[2], "wb");
    if (!out) {
        perror(argv[2]);
        fclose(in);
        return 1;
    }
    fprintf(out, "/* generated from %s by ifr_embed; do not edit */\n#include <stddef.h>\n",
            argv[1]);
    fprintf(out, "extern const unsigned char %s[];\nextern const size_t %s_len;\n", argv[3],
            argv[3]);
    fprintf(out, "const unsigned char %s[] = {\n", argv[3]);
    size_t n = 0;
    int c;
    while ((c = fgetc(in)) != EOF) {
        fprintf(out, "%d,", c);
        if (++n % 32 == 0)
            fputc('\n', out);
    }
    fprintf(out, "0};\nconst size_t %s_len = %zu;\n", argv[3], n);
    int bad = ferror(in) || ferror(out);
    fclose(in);
    if (fclose(out) != 0)
        bad = 1;
    return bad ? 1 : 0;
}
