/* selftest_global.c -- NOT part of the library. tests/abi/selftest compiles
 * it and checks that tests/abi/check-objects --sections rejects it (mutable
 * globals in .data and .bss). */
int xcv_selftest_counter;
static int xcv_selftest_start = 5;

int xcv_selftest_bump(void);

int xcv_selftest_bump(void)
{
    return ++xcv_selftest_counter + xcv_selftest_start++;
}
