package locale

import (
	"errors"
	"fmt"
	"testing"
)

func TestMessage(t *testing.T) {
	cause := Errorf("车站 %q 不存在", "station %q does not exist", "天津西")
	wrapped := Errorf("导入失败：%v", "import failed: %v", cause)
	plain := fmt.Errorf("line 3: %w", cause)
	tests := []struct {
		name string
		err  error
		lang Lang
		want string
	}{
		{"chinese", cause, Chinese, `车站 "天津西" 不存在`},
		{"english", cause, English, `station "天津西" does not exist`},
		{"wrapped in both languages", wrapped, English, `import failed: station "天津西" does not exist`},
		{"wrapped, chinese", wrapped, Chinese, `导入失败：车站 "天津西" 不存在`},
		{"plain wrapper keeps its words", plain, English, `line 3: station "天津西" does not exist`},
		{"plain error", errors.New("boom"), English, "boom"},
		{"nil", nil, English, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Message(tt.err, tt.lang); got != tt.want {
				t.Errorf("Message = %q, want %q", got, tt.want)
			}
		})
	}
	if !errors.Is(wrapped, cause) {
		t.Error("Errorf does not wrap its error argument")
	}
}

func TestFromTag(t *testing.T) {
	for tag, want := range map[string]Lang{"en_US.UTF-8": English, "EN": English, "zh_CN.UTF-8": Chinese, "C": Chinese, "": Chinese} {
		if got := FromTag(tag); got != want {
			t.Errorf("FromTag(%q) = %v, want %v", tag, got, want)
		}
	}
}
