/* keeps the support library non-empty */
typedef int xcv_test_support_empty_unit;
