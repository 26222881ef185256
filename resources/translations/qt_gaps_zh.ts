<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- Qt's own strings that Qt 6 renamed (adding keyboard accelerators) and its bundled Chinese
     catalogue (qtbase_zh_CN.qm) still lacks, so Linux file dialogs said "Look in / Files of type"
     in the middle of a Chinese UI. Loaded after Qt's catalogue for the Chinese UI only. -->
<TS version="2.1" language="zh_CN">
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>查找范围(&amp;L)：</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>文件类型(&amp;T)：</translation>
    </message>
</context>
</TS>
