"""Realistic inputs for the reader tests, written for them (not copied from any outlet)."""

PAGE = """<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="{charset}">
<title>غارة جوية على مأرب | موقع الخبر</title>
<meta property="article:published_time" content="2024-05-02T16:20:00+03:00"></head>
<body><nav><a href="/">الرئيسية</a> <a href="/yemen">اليمن</a> <a href="/gulf">الخليج</a></nav>
<div class="ad">إعلان: أفضل العروض على الهواتف الذكية هذا الأسبوع</div>
<article><h1>مقتل أربعة في غارة جوية على مأرب</h1>
<p>قتل أربعة أشخاص وأصيب سبعة آخرون، مساء الخميس، في غارة جوية استهدفت موقعاً عسكرياً غربي مدينة مأرب اليمنية، بحسب مصادر طبية.</p>
<p>وقالت المصادر إن بين المصابين مدنيين كانوا يمرون قرب الموقع لحظة القصف، وإن حالة اثنين منهم خطيرة.</p>
<p>ولم تعلن أي جهة مسؤوليتها عن الغارة حتى مساء اليوم.</p></article>
<section class="comments"><h3>التعليقات</h3><p>تعليق: متى تنتهي هذه الحرب؟</p></section>
<footer>جميع الحقوق محفوظة</footer></body></html>"""

NAV_ONLY = """<html><head><title>الصفحة الرئيسية</title></head><body>
<nav><ul><li><a href="/">الرئيسية</a></li><li><a href="/a">أخبار</a></li><li><a href="/b">رياضة</a></li></ul></nav>
<footer>جميع الحقوق محفوظة</footer></body></html>"""

PLAIN = """اعتصام للمعلمين أمام وزارة التربية في الرباط

الأربعاء 8 مايو 2024 - 02:15 م
طباعة
نظم مئات المعلمين المتعاقدين، اليوم الأربعاء، اعتصاماً أمام مقر وزارة التربية الوطنية في الرباط، للمطالبة بإدماجهم في الوظيفة العمومية.
ورفع المعتصمون شعارات تندد بتأخر صرف مستحقاتهم، فيما انتشرت عناصر الأمن في محيط الوزارة دون تسجيل أي مواجهات.
شارك 57"""

RECORD = {
    "id": "ly-2024-0601",
    "source": "test-wire",
    "url": "https://wire.example.org/libya/2024/06/01/tripoli-clashes",
    "date": "2024-06-01 21:10:00",
    "title": "اشتباكات مسلحة في طرابلس الليبية",
    "author": "طرابلس - وكالات",
    "content": "اندلعت اشتباكات مسلحة، مساء السبت، بين مجموعتين مسلحتين في حي سوق الجمعة بالعاصمة الليبية طرابلس، ما أسفر عن إصابة ثلاثة مدنيين.\nوقال جهاز الإسعاف والطوارئ إن فرقه نقلت المصابين إلى مستشفى معيتيقة.",
}


def page(charset: str = "utf-8") -> str:
    """The Marib air-strike test page with navigation, an ad and comments."""
    return PAGE.format(charset=charset)
