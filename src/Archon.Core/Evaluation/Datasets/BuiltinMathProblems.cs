namespace Archon.Core.Evaluation.Datasets;

/// <summary>Word-problem templates; every quantity is chosen so each step stays an exact integer.</summary>
internal static class BuiltinMathProblems
{
    private static readonly string[] Names = ["Ava", "Ben", "Chloe", "Dev", "Elena", "Farid", "Grace", "Hugo", "Iris", "Jonas"];

    public static (string Text, long Answer) Create(Random rng, int index)
    {
        var name = Names[rng.Next(Names.Length)];
        switch (index % 6)
        {
            case 0:
            {
                int trays = rng.Next(3, 13), per = rng.Next(6, 25), morning = rng.Next(5, trays * per / 2);
                var rest = trays * per - morning;
                if (rest % 2 == 1) { morning++; rest--; }
                var answer = rest / 2;
                return ($"A bakery bakes {trays} trays of {per} muffins each. It sells {morning} muffins in the morning and half of the remaining muffins in the afternoon. How many muffins are left at the end of the day?", answer);
            }
            case 1:
            {
                int notebooks = rng.Next(2, 9), nbPrice = rng.Next(2, 12), pens = rng.Next(2, 15), penPrice = rng.Next(1, 5), earned = rng.Next(10, 80);
                var start = notebooks * nbPrice + pens * penPrice + rng.Next(5, 120);
                return ($"{name} has ${start}. {name} buys {notebooks} notebooks at ${nbPrice} each and {pens} pens at ${penPrice} each, then earns ${earned} walking dogs. How many dollars does {name} have now?",
                    start - notebooks * nbPrice - pens * penPrice + earned);
            }
            case 2:
            {
                int s1 = rng.Next(40, 121), t1 = rng.Next(1, 6), s2 = rng.Next(30, 101), t2 = rng.Next(1, 5), back = rng.Next(5, 60);
                return ($"A train travels at {s1} km/h for {t1} hours, then at {s2} km/h for {t2} hours, and finally backs up {back} km to reach the platform. How many kilometres is the train from its starting point?",
                    (long)s1 * t1 + (long)s2 * t2 - back);
            }
            case 3:
            {
                int cows = rng.Next(3, 40), hens = rng.Next(5, 80), stools = rng.Next(1, 12), sold = rng.Next(1, cows);
                return ($"A farm has {cows} cows and {hens} chickens. The farmer sells {sold} cows and the barn also holds {stools} three-legged stools. How many legs (animal legs plus stool legs) are in the barn now?",
                    (cows - sold) * 4L + hens * 2L + stools * 3L);
            }
            case 4:
            {
                int q = rng.Next(2, 6), p = rng.Next(1, q), cap = q * rng.Next(20, 200), rate = rng.Next(2, 15), minutes = rng.Next(2, 20);
                var drained = rng.Next(1, cap * p / q);
                return ($"A tank holds {cap} litres and is {p}/{q} full. {drained} litres are drained, then water is added at {rate} litres per minute for {minutes} minutes. How many litres are in the tank now?",
                    (long)cap * p / q - drained + (long)rate * minutes);
            }
            default:
            {
                int friends = rng.Next(3, 9), pizzas = rng.Next(2, 10), slices = rng.Next(6, 13), extra = rng.Next(1, 7);
                var total = pizzas * slices + extra;
                return ($"{friends} friends order {pizzas} pizzas cut into {slices} slices each, plus a box of {extra} extra slices. They share the slices equally, each friend getting as many whole slices as possible. How many slices are left over?",
                    total % friends);
            }
        }
    }
}
