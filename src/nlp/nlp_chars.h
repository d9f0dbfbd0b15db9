/*
 * nlp_chars.h - Python `re` character classes with an inline ASCII fast path,
 * shared by the Punkt and Treebank ports. Non-ASCII code points go to
 * pycompat (CPython 3.11 semantics); ASCII answers are the same by
 * construction (\s = " \t\n\v\f\r" and \x1c-\x1f; \w = [A-Za-z0-9_]).
 */
#ifndef IFR_NLP_CHARS_H
#define IFR_NLP_CHARS_H

#include "../text/pycompat.h"

/* re \s on str patterns (= str.isspace) */
static inline bool ifr__nlp_space(uint32_t c)
{
    if (c < 0x80)
        return c == ' ' || (c >= 0x09 && c <= 0x0d) || (c >= 0x1c && c <= 0x1f);
    return ifr__py_isspace(c);
}

/* re \w on str patterns (= isalnum() or '_') */
static inline bool ifr__nlp_word(uint32_t c)
{
    if (c < 0x80)
        return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
               c == '_';
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
