"""按姓氏笔画 order and pinyin keys, checked against the rules official lists follow."""

from __future__ import annotations

from dangjian_desktop.core.names import name_keys, split_name, stroke_count, stroke_key


def ordered(names):
    return sorted(names, key=stroke_key)


def test_common_surnames_by_stroke_count():
    # 丁 2, 王 4, 刘 6, 张 7, 赵 9, 谢 12 strokes
    assert ordered(["谢军", "张三", "赵敏", "王五", "刘洋", "丁一"]) == ["丁一", "王五", "刘洋", "张三", "赵敏", "谢军"]
    assert [stroke_count(c) for c in "丁王刘张赵谢"] == [2, 4, 6, 7, 9, 12]


def test_same_count_by_first_stroke_heng_shu_pie_dian_zhe():
    # four strokes each: 王 starts with 横, 毛 with 撇, 文 with 点, 孔 with 折
    assert ordered(["孔明", "文强", "毛红", "王芳"]) == ["王芳", "毛红", "文强", "孔明"]
    assert {stroke_count(c) for c in "王毛文孔"} == {4}


def test_same_first_stroke_compares_the_second():
    # 林 and 欧: eight strokes, both start with 横; 林's second stroke 竖 comes before 欧's 撇
    assert ordered(["欧海", "林华"]) == ["林华", "欧海"]


def test_same_surname_then_given_name_and_single_given_name_first():
    # 按姓氏笔画: a one-character given name counts as an empty place (田富 before 田大利)
    assert ordered(["田大利", "田富"]) == ["田富", "田大利"]
    assert ordered(["李大鸣", "李一鸣"]) == ["李一鸣", "李大鸣"]


def test_compound_surname_is_one_surname():
    assert split_name("欧阳明") == ("欧阳", "明")
    assert split_name("欧明") == ("欧", "明")
    assert split_name("司马光") == ("司马", "光")
    # every 欧 comes before the first 欧阳, whatever their given names
    assert ordered(["欧阳一", "欧明", "欧阳", "欧鹏"]) == ["欧阳", "欧明", "欧鹏", "欧阳一"]
    assert ordered(["司马光", "司丽"])[0] == "司丽"


def test_same_surname_stays_together_even_with_same_stroke_code():
    # 人 and 入 are written with the same two strokes; people of one surname are not interleaved
    out = ordered(["人甲", "入甲", "人乙", "入乙"])
    assert out[0][0] == out[1][0] and out[2][0] == out[3][0] and out[0][0] != out[2][0]


def test_unknown_characters_go_last_and_keys_fit_the_column():
    assert ordered(["Tom", "张三"]) == ["张三", "Tom"]
    assert len(stroke_key("阿依古丽·买买提艾力江吐尔逊")) <= 50
    assert stroke_key("") == ""


def test_pinyin_keys_for_type_ahead():
    keys = name_keys("张三")
    assert keys.pinyin == "zhangsan"
    assert keys.initials == "zs"
    assert keys.strokes == stroke_key("张三")


def test_keys_are_those_stored_by_the_first_version():
    """The vendored stroke data (resources/strokes) numbers characters as the data the first version
    shipped did: every 笔画 key in the committed schema-0001 database is the key made now."""
    import sqlite3
    from pathlib import Path

    fixture = Path(__file__).resolve().parent.parent / "fixtures" / "schema-0001-demo.db"
    with sqlite3.connect(f"file:{fixture}?mode=ro", uri=True) as con:
        stored = con.execute("SELECT name, name_strokes FROM members").fetchall()
    assert len(stored) > 20
    assert [(name, stroke_key(name)) for name, _ in stored] == stored
