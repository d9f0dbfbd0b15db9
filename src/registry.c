/* registry.c - the const checker tables of every family, walked by index. */
#include "ifreward_internal.h"

#include <string.h>

static const ifr__checker *const families[] = {
#define IFR__FAMILY(name) ifr__family_##name,
#include "checkers/families.def"
#undef IFR__FAMILY
};
#define NFAMILIES (sizeof families / sizeof families[0])

size_t ifr__registry_count(void)
{
    size_t n = 0;
    for (size_t f = 0; f < NFAMILIES; f++)
        for (const ifr__checker *c = families[f]; c->id; c++)
            n++;
    return n;
}

const ifr__checker *ifr__registry_at(size_t i)
{
    for (size_t f = 0; f < NFAMILIES; f++)
        for (const ifr__checker *c = families[f]; c->id; c++)
            if (i-- == 0)
                return c;
    return NULL;
}

const ifr__checker *ifr__registry_find(int suite, const char *id, size_t idlen)
{
    for (size_t f = 0; f < NFAMILIES; f++)
        for (const ifr__checker *c = families[f]; c->id; c++)
            if ((suite == 0 || (int)c->suite == suite) && strlen(c->id) == idlen &&
                memcmp(c->id, id, idlen) == 0)
                return c;
    return NULL;
}

const char *ifr__suite_name(int suite)
{
    switch (suite) {
    case IFR_SUITE_IFEVAL: return "ifeval";
    case IFR_SUITE_IFTRAIN: return "iftrain";
    case IFR_SUITE_IFBENCH: return "ifbench";
    case IFR_SUITE_TULU3: return "tulu3";
    default: return NULL;
    }
}

/* MARK: public discovery -------------------------------------------------- */

IFR_API size_t ifr_checker_count(void)
{
    return ifr__registry_count();
}

IFR_API const char *ifr_checker_id(size_t i)
{
    const ifr__checker *c = ifr__registry_at(i);
    return c ? c->id : NULL;
}

IFR_API const char *ifr_checker_suite(size_t i)
{
    const ifr__checker *c = ifr__registry_at(i);
    return c ? ifr__suite_name((int)c->suite) : NULL;
}

IFR_API const char *ifr_checker_summary(size_t i)
{
    const ifr__checker *c = ifr__registry_at(i);
    return c ? c->summary : NULL;
}

IFR_API unsigned ifr_checker_flags(size_t i)
{
    const ifr__checker *c = ifr__registry_at(i);
    return c ? c->flags : 0;
}

IFR_API const char *ifr_checker_text(size_t i, int key)
{
    const ifr__checker *c = ifr__registry_at(i);
    if (!c)
        return NULL;
    switch (key) {
    case IFR_TEXT_RULE: return c->rule;
    case IFR_TEXT_QUIRKS: return c->quirks;
    case IFR_TEXT_PRECISE: return c->precise;
    default: return NULL;
    }
}

IFR_API size_t ifr_checker_kwarg_count(size_t i)
{
    const ifr__checker *c = ifr__registry_at(i);
    size_t n = 0;
    if (c && c->kwargs)
        while (c->kwargs[n].name)
            n++;
    return n;
}

static const char *kind_name(ifr__kw_kind k)
{
    switch (k) {
    case IFR__KW_INT: return "int";
    case IFR__KW_NUM: return "number";
    case IFR__KW_STR: return "str";
    case IFR__KW_STRLIST: return "list[str]";
    case IFR__KW_BOOL: return "bool";
    case IFR__KW_STR_OR_LIST: return "str|list[str]";
    default: return "?";
    }
}

IFR_API const char *ifr_checker_kwarg(size_t i, size_t j, int key)
{
    if (j >= ifr_checker_kwarg_count(i))
        return NULL;
    const ifr__kwspec *k = &ifr__registry_at(i)->kwargs[j];
    switch (key) {
    case IFR_KWARG_NAME: return k->name;
    case IFR_KWARG_TYPE: return kind_name(k->kind);
    case IFR_KWARG_REQUIRED: return (k->flags & IFR__KW_REQUIRED) ? "required" : "optional";
    case IFR_KWARG_DOC: return k->doc;
    default: return NULL;
    }
}
