/*
 * nlp_chars.h - Python `re` character classes with an inline ASCII fast path,
 * shared by the Punkt and Treebank ports. Non-ASCII code points go to
 * pycompat (CPython 3.11 semantics); ASCII answers are the same by
 * construction (\s = " \t\n\v\f\r" and \x1c-\x1f; \w = [A-Za-z0-9_]).
 */
#ifndef IFR_NLP_CHARS_H
#define IFR_NLP_CHARS_H

#include "../text/pycompat.h"

enum { IFR__NLP_SP = 1, IFR__NLP_W = 2, IFR__NLP_D = 4, IFR__NLP_UP = 8, IFR__NLP_LO = 16 };

/* Python's classes of the ASCII characters (const; one copy per file) */
#define IFR__NLP_R(a, b, v) [a] = v, [a + 1] = v, [a + 2] = v, [a + 3] = v, [a + 4] = v
static const unsigned char ifr__nlp_ascii[128] = {
    [0x09] = IFR__NLP_SP, [0x0a] = IFR__NLP_SP, [0x0b] = IFR__NLP_SP, [0x0c] = IFR__NLP_SP,
    [0x0d] = IFR__NLP_SP, [0x1c] = IFR__NLP_SP, [0x1d] = IFR__NLP_SP, [0x1e] = IFR__NLP_SP,
    [0x1f] = IFR__NLP_SP, [' '] = IFR__NLP_SP, ['_'] = IFR__NLP_W,
    IFR__NLP_R('0', 0, IFR__NLP_W | IFR__NLP_D), IFR__NLP_R('5', 0, IFR__NLP_W | IFR__NLP_D),
    IFR__NLP_R('A', 0, IFR__NLP_W | IFR__NLP_UP), IFR__NLP_R('F', 0, IFR__NLP_W | IFR__NLP_UP),
    IFR__NLP_R('K', 0, IFR__NLP_W | IFR__NLP_UP), IFR__NLP_R('P', 0, IFR__NLP_W | IFR__NLP_UP),
    IFR__NLP_R('U', 0, IFR__NLP_W | IFR__NLP_UP), ['Z'] = IFR__NLP_W | IFR__NLP_UP,
    IFR__NLP_R('a', 0, IFR__NLP_W | IFR__NLP_LO), IFR__NLP_R('f', 0, IFR__NLP_W | IFR__NLP_LO),
    IFR__NLP_R('k', 0, IFR__NLP_W | IFR__NLP_LO), IFR__NLP_R('p', 0, IFR__NLP_W | IFR__NLP_LO),
    IFR__NLP_R('u', 0, IFR__NLP_W | IFR__NLP_LO), ['z'] = IFR__NLP_W | IFR__NLP_LO,
};
#undef IFR__NLP_R

/* re \s on str patterns (= str.isspace) */
static inline bool ifr__nlp_space(uint32_t c)
{
    if (c < 0x80)
        return ifr__nlp_ascii[c] & IFR__NLP_SP;
    return ifr__py_isspace(c);
}

/* re \w on str patterns (= isalnum() or '_') */
static inline bool ifr__nlp_word(uint32_t c)
{
    if (c < 0x80)
        return ifr__nlp_ascii[c] & IFR__NLP_W;
    return ifr__py_isword(c);
}

/* re \d on str patterns (= isdecimal) */
static inline bool ifr__nlp_decimal(uint32_t c)
{
    if (c < 0x80)
        return c >= '0' && c <= '9';
    return ifr__py_isdecimal(c);
}

/* str.isupper() / str.islower() of a one-character string */
static inline bool ifr__nlp_upper1(uint32_t c)
{
    if (c < 0x80)
        return c >= 'A' && c <= 'Z';
    return ifr__py_isupper(c);
}

static inline bool ifr__nlp_lower1(uint32_t c)
{
    if (c < 0x80)
        return c >= 'a' && c <= 'z';
    return ifr__py_islower(c);
}

#endif /* IFR_NLP_CHARS_H */
