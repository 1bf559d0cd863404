# plot.gp -- bench/results.png from the .dat file xcv_bench --dat writes.
# Usage: gnuplot -e "dat='build-bench/results.dat'; out='bench/results.png'" bench/plot.gp
if (!exists("dat")) dat = 'build-bench/results.dat'
if (!exists("out")) out = 'bench/results.png'
set terminal png size 1200,700 noenhanced
set output out
set title "xcv benchmark: FULL chain verification (median, bars p10..p90; FLOOR = signature checks only)"
set ylabel "microseconds per chain (log scale)"
set logscale y
set grid ytics
set key top center horizontal
set yrange [1:40000]
set style data histogram
set style histogram errorbars gap 2 lw 1
set style fill solid 0.8 border -1
set boxwidth 0.9
set xtics nomirror rotate by -25
set datafile missing "NaN"
plot dat using 2:3:4:xtic(1) title "RSA-2048 x3", \
     '' using 5:6:7 title "P-256 x3", \
     '' using 8:9:10 title "RSA-4096 > P-384 > P-256"
